/**
 * People and access: accounts, each account's role in each project and the member it is there,
 * personal access tokens, the first start's accounts and the audit trail of who granted, signed in,
 * exported and imported. Kept in the application's database, never in the event store: accounts are
 * not part of the research record (docs/security.md).
 */
package org.coproduction.timeline.access;

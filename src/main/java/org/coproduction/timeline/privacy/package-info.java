/**
 * Personal data at rest: each member's personal text is encrypted under a key of their own (Google
 * Tink's AEAD, AES-256-GCM), the member keys under a master key that is not in the database, and a
 * member's key can be destroyed when they withdraw consent, leaving the history intact and their
 * text unreadable everywhere (docs/privacy.md).
 */
package org.coproduction.timeline.privacy;

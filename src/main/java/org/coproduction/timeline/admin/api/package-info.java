/** The status of a read model (its event processor) as plain records: position, lag, segments and rebuild progress. */
package org.coproduction.timeline.admin.api;

/**
 * The measures of docs/metrics.md as pure functions; the fold that works out a project's participation
 * window by window from its facts; the participation read model (counts per meeting and member kept
 * as events arrive) that hands the present record's facts to that fold; and the query that chooses
 * between the read model and folding the events.
 */
package org.coproduction.timeline.participation.query;

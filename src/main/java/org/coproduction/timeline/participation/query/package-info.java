/**
 * The measures of METRICS.md as pure functions, and the fold that works out a project's participation
 * window by window from its {@code ProjectHistory}. For now every request folds the project's events
 * from the event store; an incremental read model is to serve the present record.
 */
package org.coproduction.timeline.participation.query;

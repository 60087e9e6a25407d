/**
 * Administration of the read models: each streaming event processor's position, lag and status,
 * and rebuilding one from the event store, over HTTP, from the command line and as metrics.
 */
package org.coproduction.timeline.admin;

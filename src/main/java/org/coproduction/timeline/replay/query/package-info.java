/**
 * Replays a project phase by phase: one pass over its events from the event store into a
 * {@code ProjectHistory}, then each phase worked out from that, never touching a read model or a
 * processor.
 */
package org.coproduction.timeline.replay.query;

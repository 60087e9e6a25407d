package org.coproduction.timeline.admin.api;

/**
 * Where a read model's event processor stands. {@code REBUILDING} while any segment replays events
 * it had handled before a reset; {@code ERROR} while any segment is failing (it is retried, see
 * ProcessingConfiguration); {@code STOPPED} when the processor does not run in this instance.
 */
public enum ProjectionState {
    RUNNING,
    REBUILDING,
    STOPPED,
    ERROR
}

package org.coproduction.timeline.admin.api;

import java.util.List;

/**
 * A read model as its event processor stands. {@code position} is the lowest global index its
 * segments have handled (0 before the first), {@code head} the highest global index in the event
 * store, {@code lag} the events between them. {@code progress} only while {@code REBUILDING}.
 */
public record ProjectionStatus(
        String name,
        ProjectionState status,
        long position,
        long head,
        long lag,
        int segmentCount,
        List<SegmentStatus> segments,
        RebuildProgress progress) {

    public ProjectionStatus {
        segments = List.copyOf(segments);
    }

    /** Caught up with {@code head} and not replaying, so its answers hold every event up to there. */
    public boolean caughtUpWith(long head) {
        return status == ProjectionState.RUNNING && position >= head;
    }
}

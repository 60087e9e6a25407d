package org.coproduction.timeline.admin.api;

import java.time.Instant;
import java.util.List;

/**
 * A read model's dead letters for one project: the event its handler failed on, first, then the
 * project's later events, which wait behind it so that the project's events stay in order.
 */
public record DeadLetterSequence(String readModel, String projectId, List<Letter> letters) {

    public DeadLetterSequence {
        letters = List.copyOf(letters);
    }

    /**
     * One event held: its id, type and position in the project's stream, when it was put here and
     * last tried, and why it failed (the first letter's cause; the others only wait).
     */
    public record Letter(
            String eventId,
            String type,
            Long sequenceNumber,
            Instant enqueuedAt,
            Instant lastTouched,
            String causeType,
            String causeMessage) {}
}

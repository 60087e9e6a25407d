package org.coproduction.timeline.platform.axon;

import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;
import org.coproduction.timeline.project.api.Require;

/**
 * Transaction time of a stored event: the {@code recordedAt} an imported line brought with it,
 * otherwise the instant the event store took the event.
 */
public final class RecordedTime {

    /** Metadata key of the recorded time an imported line brought with it. */
    public static final String RECORDED_AT = "recordedAt";

    private RecordedTime() {}

    public static Instant of(EventMessage<?> message) {
        Object recordedAt = message.getMetaData().get(RECORDED_AT);
        return recordedAt == null ? message.getTimestamp() : Require.occurredAt(RECORDED_AT, recordedAt.toString());
    }

    /** The interchange id of a stored event: the identifier it was stored under. */
    public static String eventId(EventMessage<?> message) {
        return message.getIdentifier();
    }
}

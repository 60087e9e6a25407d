package org.coproduction.timeline.platform.axon;

import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;
import org.coproduction.timeline.api.Require;

/**
 * Transaction time of a stored event: the {@code recordedAt} an imported line brought with it,
 * otherwise the instant the event store took the event.
 */
public final class RecordedTime {

    /** Metadata key of the recorded time an imported line brought with it. */
    public static final String RECORDED_AT = "recordedAt";

    /**
     * Metadata key of the account that wrote the event for someone else: a RECORDER transcribing a
     * member's paper diary. Copied from the command's metadata to its events (a correlation data
     * provider), kept on export and import.
     */
    public static final String TRANSCRIBED_BY = "transcribedBy";

    private RecordedTime() {}

    /** Who transcribed the event for its author, or null. */
    public static String transcribedBy(EventMessage<?> message) {
        Object by = message.getMetaData().get(TRANSCRIBED_BY);
        return by == null ? null : by.toString();
    }

    public static Instant of(EventMessage<?> message) {
        Object recordedAt = message.getMetaData().get(RECORDED_AT);
        return recordedAt == null ? message.getTimestamp() : Require.occurredAt(RECORDED_AT, recordedAt.toString());
    }

    /** The interchange id of a stored event: the identifier it was stored under. */
    public static String eventId(EventMessage<?> message) {
        return message.getIdentifier();
    }
}

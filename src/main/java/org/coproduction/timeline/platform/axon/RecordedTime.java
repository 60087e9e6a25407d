package org.coproduction.timeline.platform.axon;

import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;
import org.coproduction.timeline.project.api.ImportEvents;

/**
 * Transaction time of a stored event: the {@code recordedAt} an imported line brought with it,
 * otherwise the instant the event store took the event.
 */
public final class RecordedTime {

    private RecordedTime() {}

    public static Instant of(EventMessage<?> message) {
        Object recordedAt = message.getMetaData().get(ImportEvents.RECORDED_AT);
        return recordedAt == null ? message.getTimestamp() : Instant.parse(recordedAt.toString());
    }

    /** The interchange id of a stored event: the identifier it was stored under. */
    public static String eventId(EventMessage<?> message) {
        return message.getIdentifier();
    }
}

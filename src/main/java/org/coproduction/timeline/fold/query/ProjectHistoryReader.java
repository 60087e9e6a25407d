package org.coproduction.timeline.fold.query;

import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.platform.axon.RecordedTime;
import org.coproduction.timeline.privacy.Sealing;
import org.springframework.stereotype.Component;

/**
 * Folds a project's events straight from the event store into a {@link ProjectHistory}: one pass
 * over its stream, read in batches, touching no read model and no processor. Events are folded as
 * the team sees them ({@link Sealing#shown}): names opened, a withdrawn member under their pseudonym.
 */
@Component
public class ProjectHistoryReader {

    private final EventStore eventStore;
    private final Sealing sealing;

    ProjectHistoryReader(EventStore eventStore, Sealing sealing) {
        this.eventStore = eventStore;
        this.sealing = sealing;
    }

    /**
     * Something else fed by the same pass: each event of the stream, as {@link Sealing#shown} gives
     * it (a reflection's text and an interview's summary still sealed), with its recorded time, id and
     * place in the stream, whenever it was recorded (the listener applies knownAt itself, if it must).
     */
    @FunctionalInterface
    public interface Listener {
        void add(ProjectEvent event, Instant recordedAt, String eventId, long order);
    }

    /** The project's history as known at {@code knownAt}; 404 for a project never registered. */
    public ProjectHistory read(String projectId, Instant knownAt) {
        return read(projectId, knownAt, (event, recordedAt, eventId, order) -> {});
    }

    /**
     * As {@link #read(String, Instant)}, with every event also given to {@code also}: what a question
     * needs beyond the history's compact facts (the sealed text of the reflections it may open, say)
     * without reading the store twice.
     */
    public ProjectHistory read(String projectId, Instant knownAt, Listener also) {
        DomainEventStream stream = eventStore.readEvents(projectId);
        if (!stream.hasNext()) {
            throw RuleViolationException.notFound("projectId", "project " + projectId + " is not registered");
        }
        ProjectHistory history = new ProjectHistory(knownAt);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            String eventId = RecordedTime.eventId(message);
            ProjectEvent event = sealing.shown((ProjectEvent) message.getPayload(), eventId);
            Instant recordedAt = RecordedTime.of(message);
            history.add(event, recordedAt, eventId, message.getSequenceNumber());
            also.add(event, recordedAt, eventId, message.getSequenceNumber());
        }
        return history;
    }
}

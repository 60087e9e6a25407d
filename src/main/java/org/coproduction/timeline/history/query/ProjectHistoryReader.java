package org.coproduction.timeline.history.query;

import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.coproduction.timeline.platform.axon.RecordedTime;
import org.coproduction.timeline.privacy.Sealing;
import org.coproduction.timeline.project.api.ProjectEvent;
import org.coproduction.timeline.project.api.RuleViolationException;
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

    /** The project's history as known at {@code knownAt}; 404 for a project never registered. */
    public ProjectHistory read(String projectId, Instant knownAt) {
        DomainEventStream stream = eventStore.readEvents(projectId);
        if (!stream.hasNext()) {
            throw RuleViolationException.notFound("projectId", "project " + projectId + " is not registered");
        }
        ProjectHistory history = new ProjectHistory(knownAt);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            String eventId = RecordedTime.eventId(message);
            history.add(
                    sealing.shown((ProjectEvent) message.getPayload(), eventId),
                    RecordedTime.of(message),
                    eventId,
                    message.getSequenceNumber());
        }
        return history;
    }
}

package org.coproduction.timeline.history.query;

import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.coproduction.timeline.platform.axon.RecordedTime;
import org.coproduction.timeline.project.api.ProjectEvent;
import org.coproduction.timeline.project.api.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * Folds a project's events straight from the event store into a {@link ProjectHistory}: one pass
 * over its stream, read in batches, touching no read model and no processor.
 */
@Component
public class ProjectHistoryReader {

    private final EventStore eventStore;

    ProjectHistoryReader(EventStore eventStore) {
        this.eventStore = eventStore;
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
            history.add(
                    (ProjectEvent) message.getPayload(),
                    RecordedTime.of(message),
                    RecordedTime.eventId(message),
                    message.getSequenceNumber());
        }
        return history;
    }
}

package org.coproduction.timeline.interchange;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.platform.EventJson;
import org.coproduction.timeline.platform.axon.RecordedTime;
import org.springframework.stereotype.Component;

/**
 * Writes a project's history as JSON Lines in the order it was recorded (the project's stream
 * order), streaming from the event store. Each line carries the stored event id and recorded time,
 * so importing an export into an empty store and exporting again gives the same bytes.
 */
@Component
public class JsonLinesExporter {

    private final EventStore eventStore;
    private final ObjectMapper mapper = EventJson.newMapper();

    JsonLinesExporter(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Opens the project's stream, refusing an unknown project before anything is written. */
    public Export open(String projectId) {
        DomainEventStream stream = eventStore.readEvents(projectId);
        if (!stream.hasNext()) {
            throw RuleViolationException.notFound("projectId", "project " + projectId + " is not registered");
        }
        return new Export(stream);
    }

    /** An opened export: write it once. */
    public final class Export {

        private final DomainEventStream stream;

        private Export(DomainEventStream stream) {
            this.stream = stream;
        }

        /**
         * Writes the events with recordedAt at or before {@code knownAt} and occurredAt at or before
         * {@code asOf}; a null bound does not filter. Returns the number of lines written.
         */
        public long writeTo(OutputStream out, Instant asOf, Instant knownAt) {
            long written = 0;
            try (JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
                // One object per line: no separator of Jackson's own between root values.
                generator.setRootValueSeparator(null);
                while (stream.hasNext()) {
                    DomainEventMessage<?> message = stream.next();
                    ProjectEvent event = (ProjectEvent) message.getPayload();
                    Instant recordedAt = RecordedTime.of(message);
                    if ((knownAt != null && recordedAt.isAfter(knownAt))
                            || (asOf != null && event.occurredAt().isAfter(asOf))) {
                        continue;
                    }
                    ObjectNode line = InterchangeLine.write(
                            event,
                            RecordedTime.eventId(message),
                            recordedAt,
                            RecordedTime.transcribedBy(message),
                            mapper);
                    mapper.writeTree(generator, line);
                    generator.writeRaw('\n');
                    written++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return written;
        }
    }
}

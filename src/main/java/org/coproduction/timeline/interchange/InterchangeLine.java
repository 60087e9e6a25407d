package org.coproduction.timeline.interchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;
import org.coproduction.timeline.project.api.EventCatalogue;
import org.coproduction.timeline.project.api.InvalidFieldException;
import org.coproduction.timeline.project.api.ProjectEvent;
import org.coproduction.timeline.project.api.Require;

/**
 * One schema-valid line of an interchange file, read into its event: the date-only form of
 * {@code occurredAt} becomes the instant it stands for, an absent {@code eventId} is derived from
 * the line's content, so the same line always gets the same id.
 */
record InterchangeLine(long lineNumber, ProjectEvent event, UUID eventId, Instant recordedAt) {

    static InterchangeLine read(long lineNumber, JsonNode line, ObjectMapper mapper) {
        EventCatalogue.EventType type =
                EventCatalogue.byName(line.get("type").asText()).orElseThrow();
        ObjectNode data = ((ObjectNode) line.get("data")).deepCopy();
        Instant occurredAt =
                Require.occurredAt("data.occurredAt", data.get("occurredAt").asText());
        data.put("occurredAt", occurredAt.toString());
        Instant recordedAt = line.hasNonNull("recordedAt")
                ? Require.occurredAt("recordedAt", line.get("recordedAt").asText())
                : null;
        UUID eventId = line.hasNonNull("eventId")
                ? parseEventId(line.get("eventId").asText())
                : UUID.nameUUIDFromBytes(line.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            return new InterchangeLine(lineNumber, mapper.treeToValue(data, type.javaType()), eventId, recordedAt);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidFieldException("data", "cannot be read as " + type.name() + ": " + e.getOriginalMessage());
        }
    }

    /** The envelope the exporter writes for a stored event: the inverse of {@link #read}. */
    static ObjectNode write(ProjectEvent event, String eventId, Instant recordedAt, ObjectMapper mapper) {
        EventCatalogue.EventType type = EventCatalogue.byClass(event.getClass()).orElseThrow();
        ObjectNode line = mapper.createObjectNode();
        line.put("type", type.name());
        line.put("schemaVersion", type.revision());
        line.put("eventId", eventId);
        line.put("recordedAt", recordedAt.toString());
        line.set("data", mapper.valueToTree(event));
        return line;
    }

    private static UUID parseEventId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("eventId", "must be a UUID");
        }
    }
}

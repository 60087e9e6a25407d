package org.coproduction.timeline.interchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;
import org.coproduction.timeline.api.EventCatalogue;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.Require;
import org.coproduction.timeline.privacy.Sealing;

/**
 * One schema-valid line of an interchange file, read into its event: the date-only form of
 * {@code occurredAt} becomes the instant it stands for, an absent {@code eventId} is derived from
 * the line's content, so the same line always gets the same id.
 */
record InterchangeLine(long lineNumber, ProjectEvent event, UUID eventId, Instant recordedAt, String transcribedBy) {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);

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
        UUID eventId =
                line.hasNonNull("eventId") ? parseEventId(line.get("eventId").asText()) : derivedId(type, line, data);
        String transcribedBy =
                line.hasNonNull("transcribedBy") ? line.get("transcribedBy").asText() : null;
        try {
            return new InterchangeLine(
                    lineNumber, mapper.treeToValue(data, type.javaType()), eventId, recordedAt, transcribedBy);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidFieldException("data", "cannot be read as " + type.name() + ": " + e.getOriginalMessage());
        }
    }

    /** The envelope the exporter writes for a stored event: the inverse of {@link #read}. */
    static ObjectNode write(ProjectEvent event, String eventId, Instant recordedAt, ObjectMapper mapper) {
        return write(event, eventId, recordedAt, null, mapper);
    }

    /** The same, with the account that transcribed the event for its author (absent when null). */
    static ObjectNode write(
            ProjectEvent event, String eventId, Instant recordedAt, String transcribedBy, ObjectMapper mapper) {
        EventCatalogue.EventType type = EventCatalogue.byClass(event.getClass()).orElseThrow();
        ObjectNode line = mapper.createObjectNode();
        line.put("type", type.name());
        // Version 2 of a type holds its personal text sealed (docs/events.md); stored events written
        // before sealing hold it in the clear and are written as version 1.
        line.put("schemaVersion", Sealing.isSealed(event) ? 2 : type.revision());
        line.put("eventId", eventId);
        line.put("recordedAt", recordedAt.toString());
        if (transcribedBy != null) {
            line.put("transcribedBy", transcribedBy);
        }
        line.set("data", mapper.valueToTree(event));
        return line;
    }

    /**
     * A stable id for a line that has none: a name-based UUID of its content in a canonical form
     * (fields sorted, schema version filled in, occurredAt as an instant), so the same event gets
     * the same id however its producer ordered or spelled it.
     */
    private static UUID derivedId(EventCatalogue.EventType type, JsonNode line, ObjectNode normalisedData) {
        ObjectNode canonical = CANONICAL.createObjectNode();
        canonical.put("type", type.name());
        canonical.put("schemaVersion", line.path("schemaVersion").asInt(1));
        if (line.hasNonNull("recordedAt")) {
            canonical.put("recordedAt", line.get("recordedAt").asText());
        }
        if (line.hasNonNull("transcribedBy")) {
            canonical.put("transcribedBy", line.get("transcribedBy").asText());
        }
        canonical.set("data", normalisedData);
        try {
            return UUID.nameUUIDFromBytes(CANONICAL.writeValueAsBytes(canonical));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID parseEventId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("eventId", "must be a UUID");
        }
    }
}

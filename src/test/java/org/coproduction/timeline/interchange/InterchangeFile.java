package org.coproduction.timeline.interchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A JSON Lines interchange file for one project, written line by line as a test's history. Each
 * line gets an {@code eventId} derived from its type and data, so distinct lines never share an id
 * and the same file always carries the same ids (tests share one store through the context cache).
 */
public final class InterchangeFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String projectId;
    private final List<String> lines = new ArrayList<>();

    public InterchangeFile(String projectId) {
        this.projectId = projectId;
    }

    /**
     * Appends a line. {@code fields} are the data fields besides projectId and occurredAt, as
     * name/value pairs; a value is a string or a list of strings.
     */
    public InterchangeFile add(String type, String occurredAt, String recordedAt, Object... fields) {
        ObjectNode data = JSON.createObjectNode();
        data.put("projectId", projectId);
        data.put("occurredAt", occurredAt);
        for (int i = 0; i < fields.length; i += 2) {
            data.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("type", type);
        line.put("schemaVersion", 1);
        line.put(
                "eventId",
                UUID.nameUUIDFromBytes(("test:" + type + data).getBytes(StandardCharsets.UTF_8))
                        .toString());
        if (recordedAt != null) {
            line.put("recordedAt", recordedAt);
        }
        line.set("data", data);
        lines.add(line.toString());
        return this;
    }

    /** Appends a MemberJoined line: the member, their role and their perspectives, primary first. */
    public InterchangeFile memberJoined(
            String occurredAt, String recordedAt, String memberId, String name, String role, String... perspectives) {
        return add(
                "MemberJoined",
                occurredAt,
                recordedAt,
                "memberId",
                memberId,
                "name",
                name,
                "role",
                role,
                "perspectives",
                List.of(perspectives));
    }

    /** Changes line {@code lineNumber} (1-based) as parsed JSON. */
    public InterchangeFile edit(int lineNumber, Consumer<ObjectNode> change) {
        ObjectNode line = parse(lineNumber);
        change.accept(line);
        lines.set(lineNumber - 1, line.toString());
        return this;
    }

    /** Changes a data field of line {@code lineNumber} to a string value. */
    public InterchangeFile editData(int lineNumber, String field, String value) {
        return edit(lineNumber, line -> ((ObjectNode) line.get("data")).put(field, value));
    }

    /** Puts {@code text} in place of line {@code lineNumber}, as it is. */
    public InterchangeFile replace(int lineNumber, String text) {
        lines.set(lineNumber - 1, text);
        return this;
    }

    /** A copy whose lines leave the event id to the importer. */
    public InterchangeFile withoutEventIds() {
        InterchangeFile copy = new InterchangeFile(projectId);
        copy.lines.addAll(lines);
        for (int n = 1; n <= copy.size(); n++) {
            copy.edit(n, line -> line.remove("eventId"));
        }
        return copy;
    }

    public String eventId(int lineNumber) {
        return parse(lineNumber).path("eventId").asText();
    }

    public String recordedAt(int lineNumber) {
        return parse(lineNumber).path("recordedAt").asText();
    }

    /** The event ids of the given lines, in the order given. */
    public List<String> eventIds(int... lineNumbers) {
        List<String> ids = new ArrayList<>(lineNumbers.length);
        for (int n : lineNumbers) {
            ids.add(eventId(n));
        }
        return ids;
    }

    public int size() {
        return lines.size();
    }

    public String projectId() {
        return projectId;
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }

    private ObjectNode parse(int lineNumber) {
        try {
            return (ObjectNode) JSON.readTree(lines.get(lineNumber - 1));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("line " + lineNumber + " is not JSON", e);
        }
    }
}

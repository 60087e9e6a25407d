package org.coproduction.timeline.interchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The published JSON Schemas of {@code events-schema/}, compiled once, checking interchange lines.
 *
 * <p>A line is checked against the envelope schema, then its {@code data} against the schema of its
 * {@code type} and {@code schemaVersion}. Every problem is reported on the field it concerns, in words
 * meant for the research team that wrote the file, so an import can list them all by line number.
 *
 * <p>Immutable once constructed, so one instance can serve every thread.
 */
public final class EventSchemas {

    /** The event types of the v1 contract (docs/events.md); each has {@code <type>.v1.schema.json}. */
    public static final List<String> V1_TYPES = List.of(
            "ProjectRegistered",
            "PhaseStarted",
            "ProjectClosed",
            "MemberJoined",
            "MemberRoleChanged",
            "MemberLeft",
            "MeetingHeld",
            "ContributionRecorded",
            "ContributionRetracted",
            "DecisionProposed",
            "InfluenceRecorded",
            "InfluenceRetracted",
            "DecisionMade",
            "DecisionRevised",
            "ReflectionWritten",
            "ReflectionCoded",
            "InterviewRecorded",
            "ConsentWithdrawn",
            "Gripp2ItemWritten",
            "CodeDefined",
            "CodeRevised",
            "CodesMerged",
            "CodeRetired",
            "TurnTranscribed",
            "PassageCoded");

    /** Where the schemas say they live ({@code $id}); their relative {@code $ref}s resolve against it. */
    static final String SCHEMA_BASE_URI = "https://coproduction-timeline.org/events-schema/";

    /** Where they are on the classpath (the build copies {@code events-schema/} there). */
    static final String SCHEMA_FOLDER = "events-schema/";

    private static final String COMMON_SCHEMA = "common.schema.json";

    private static final String ENVELOPE_FIELDS = "type, schemaVersion, eventId, recordedAt, data";

    /**
     * What the patterns of {@code common.schema.json} mean, by definition name: a regular expression is
     * no help to someone correcting a spreadsheet export.
     */
    private static final Map<String, String> PATTERN_MEANINGS = Map.of(
            "id", "must be 1-64 characters of A-Z a-z 0-9 . _ : -",
            "occurredAt", "must be a date such as 2012-03-05 or an instant such as 2012-03-05T10:00:00Z",
            "instant", "must be an instant such as 2012-03-05T10:00:00Z or 2012-03-05T11:00:00+01:00",
            "uuid", "must be a UUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301",
            "upperWord", "must be an upper-case word such as SERVICE_USER",
            "requiredText", "must not be blank",
            "code", "must not be blank");

    private final JsonSchema envelope;
    private final Map<String, Map<Integer, JsonSchema>> dataSchemas;

    /** Loads and compiles every schema; fails if one of {@link #V1_TYPES} has no schema. */
    public EventSchemas() {
        ClassLoader classLoader = EventSchemas.class.getClassLoader();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(
                        mappers -> mappers.mapPrefix(SCHEMA_BASE_URI, "classpath:" + SCHEMA_FOLDER)));
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().locale(Locale.ENGLISH).build();
        envelope = compile(factory, config, "envelope.schema.json");
        Map<String, Map<Integer, JsonSchema>> byType = new LinkedHashMap<>();
        for (String type : V1_TYPES) {
            Map<Integer, JsonSchema> byVersion = new TreeMap<>();
            for (int version = 1; classLoader.getResource(SCHEMA_FOLDER + fileName(type, version)) != null; version++) {
                byVersion.put(version, compile(factory, config, fileName(type, version)));
            }
            if (byVersion.isEmpty()) {
                throw new IllegalStateException(
                        "no schema " + SCHEMA_FOLDER + fileName(type, 1) + " on the classpath for event type " + type);
            }
            byType.put(type, Collections.unmodifiableMap(byVersion));
        }
        dataSchemas = Collections.unmodifiableMap(byType);
    }

    /** The event types that have a schema, in the order of the contract. */
    public Set<String> eventTypes() {
        return Collections.unmodifiableSet(dataSchemas.keySet());
    }

    /** The schema versions of an event type, ascending; empty for an unknown type. */
    public Set<Integer> versionsOf(String type) {
        Map<Integer, JsonSchema> versions = dataSchemas.get(type);
        return versions == null ? Set.of() : Collections.unmodifiableSet(versions.keySet());
    }

    /**
     * Every way a line breaks the schemas, each once, envelope first; empty when it conforms.
     *
     * @param line one parsed line of a JSON Lines file
     */
    public List<SchemaViolation> validateLine(JsonNode line) {
        if (line == null || !line.isObject()) {
            return List.of(new SchemaViolation("$", "must be a JSON object (one event per line)"));
        }
        Set<SchemaViolation> violations = new LinkedHashSet<>();
        collect(envelope.validate(line), "", violations);
        JsonNode type = line.get("type");
        JsonNode data = line.get("data");
        Map<Integer, JsonSchema> versions = type == null ? null : dataSchemas.get(type.asText());
        if (versions == null || !type.isTextual() || data == null || !data.isObject()) {
            return List.copyOf(violations);
        }
        JsonNode versionNode = line.get("schemaVersion");
        long version = versionNode == null ? 1 : wholeNumber(versionNode);
        if (version < 1) {
            if (violations.stream().noneMatch(violation -> violation.field().equals("schemaVersion"))) {
                violations.add(new SchemaViolation("schemaVersion", "must be a whole number of at least 1"));
            }
            return List.copyOf(violations);
        }
        JsonSchema schema = version > Integer.MAX_VALUE ? null : versions.get((int) version);
        if (schema == null) {
            violations.add(new SchemaViolation(
                    "schemaVersion",
                    "is not a known version of " + type.asText() + " (known: "
                            + versions.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + ")"));
            return List.copyOf(violations);
        }
        collect(schema.validate(data), "data", violations);
        return List.copyOf(violations);
    }

    private static JsonSchema compile(JsonSchemaFactory factory, SchemaValidatorsConfig config, String file) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(SCHEMA_BASE_URI + file), config);
        // resolve every $ref now: lazily, the first validations would race to do it
        schema.initializeValidators();
        return schema;
    }

    private static String fileName(String type, int version) {
        return type + ".v" + version + ".schema.json";
    }

    /** The value as a whole number ({@code 2} or {@code 2.0}), or 0 when it is not one. */
    private static long wholeNumber(JsonNode node) {
        return node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToLong() ? node.asLong() : 0;
    }

    private static void collect(Set<ValidationMessage> messages, String root, Set<SchemaViolation> into) {
        for (ValidationMessage message : messages) {
            into.add(toViolation(message, root));
        }
    }

    private static SchemaViolation toViolation(ValidationMessage message, String root) {
        List<Object> path = elements(message.getInstanceLocation());
        String keyword = message.getType();
        JsonNode schemaNode = message.getSchemaNode();
        Object[] arguments = message.getArguments() == null ? new Object[0] : message.getArguments();
        if (keyword.equals("required") || keyword.equals("additionalProperties")) {
            // the library reports these on the object; the reader looks for the property itself
            path.add(message.getProperty());
        }
        String field = field(root, path);
        String reason =
                switch (keyword) {
                    case "required" -> "is required";
                    case "additionalProperties" -> root.isEmpty() && path.size() == 1
                            ? "is not an envelope field (" + ENVELOPE_FIELDS + "); event fields belong in data"
                            : "is not allowed here";
                    case "enum" -> "must be one of " + enumeration(schemaNode);
                    case "type" -> typeReason(arguments);
                    case "pattern" -> patternReason(message, schemaNode);
                    case "minLength" -> schemaNode.asInt() == 1
                            ? "must not be blank"
                            : "must be at least " + schemaNode.asInt() + " characters";
                    case "maxLength" -> "must be at most " + schemaNode.asInt() + " characters";
                    case "minItems" -> schemaNode.asInt() == 1
                            ? "must not be empty"
                            : "must have at least " + schemaNode.asInt() + " items";
                    case "maxItems" -> "must have at most " + schemaNode.asInt() + " items";
                    case "uniqueItems" -> "must not repeat a value";
                    case "minimum" -> "must be at least " + schemaNode.asText();
                    case "maximum" -> "must be at most " + schemaNode.asText();
                    default -> message.getError();
                };
        return new SchemaViolation(field, reason);
    }

    private static List<Object> elements(JsonNodePath location) {
        List<Object> elements = new ArrayList<>(location.getNameCount() + 1);
        for (int i = 0; i < location.getNameCount(); i++) {
            elements.add(location.getElement(i));
        }
        return elements;
    }

    private static String field(String root, List<Object> path) {
        StringBuilder field = new StringBuilder(root);
        for (Object element : path) {
            if (element instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(element);
            }
        }
        return field.toString();
    }

    private static String enumeration(JsonNode values) {
        List<String> names = new ArrayList<>(values.size());
        values.forEach(value -> names.add(value.isTextual() ? value.asText() : value.toString()));
        return String.join(", ", names);
    }

    private static String typeReason(Object[] arguments) {
        if (arguments.length < 2) {
            return "has the wrong type";
        }
        return "must be " + withArticle(String.valueOf(arguments[1])) + ", not "
                + withArticle(String.valueOf(arguments[0]));
    }

    private static String withArticle(String jsonType) {
        return switch (jsonType) {
            case "null" -> "null";
            case "integer", "object", "array" -> "an " + jsonType;
            default -> "a " + jsonType;
        };
    }

    private static String patternReason(ValidationMessage message, JsonNode pattern) {
        SchemaLocation location = message.getSchemaLocation();
        JsonNodePath fragment = location.getFragment();
        if (location.getAbsoluteIri().toString().equals(SCHEMA_BASE_URI + COMMON_SCHEMA)
                && fragment.getNameCount() >= 2
                && "$defs".equals(fragment.getName(0))) {
            String meaning = PATTERN_MEANINGS.get(fragment.getName(1));
            if (meaning != null) {
                return meaning;
            }
        }
        return "must match " + pattern.asText();
    }
}

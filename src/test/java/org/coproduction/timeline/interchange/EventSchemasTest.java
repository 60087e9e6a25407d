package org.coproduction.timeline.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.coproduction.timeline.api.EventCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventSchemasTest {

    private static final EventSchemas SCHEMAS = new EventSchemas();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMA_FOLDER = Path.of("events-schema");
    private static final Pattern VERSIONED_SCHEMA = Pattern.compile("(.+)\\.v(\\d+)\\.schema\\.json");

    private static final String PROJECT = "\"projectId\": \"P1\", \"occurredAt\": \"2012-03-05\"";

    /** The smallest {@code data} each event type accepts: its required fields and nothing else. */
    private static final Map<String, String> MINIMAL_DATA = Map.ofEntries(
            Map.entry("ProjectRegistered", "\"title\": \"Recovery colleges\""),
            Map.entry("PhaseStarted", "\"phaseId\": \"PH1\", \"name\": \"Design\""),
            Map.entry("ProjectClosed", ""),
            Map.entry(
                    "MemberJoined",
                    "\"memberId\": \"M1\", \"name\": \"Ada\", \"role\": \"SERVICE_USER_RESEARCHER\","
                            + " \"perspectives\": [\"SERVICE_USER\"]"),
            Map.entry(
                    "MemberRoleChanged",
                    "\"memberId\": \"M1\", \"role\": \"CO_INVESTIGATOR\", \"perspectives\": [\"SERVICE_USER\", \"CARER\"]"),
            Map.entry("MemberLeft", "\"memberId\": \"M1\""),
            Map.entry(
                    "MeetingHeld",
                    "\"meetingId\": \"MT1\", \"title\": \"Steering group\", \"kind\": \"STEERING\", \"attendees\": []"),
            Map.entry(
                    "ContributionRecorded",
                    "\"meetingId\": \"MT1\", \"contributionId\": \"C1\", \"memberId\": \"M1\", \"category\": \"GIVES_OPINION\""),
            Map.entry("ContributionRetracted", "\"contributionId\": \"C1\", \"reason\": \"Miscoded\""),
            Map.entry(
                    "DecisionProposed",
                    "\"decisionId\": \"D1\", \"title\": \"Pay participants\", \"proposedBy\": \"M1\""),
            Map.entry(
                    "InfluenceRecorded",
                    "\"decisionId\": \"D1\", \"influenceId\": \"I1\", \"memberId\": \"M1\", \"kind\": \"LIVED_EXPERIENCE\""),
            Map.entry(
                    "InfluenceRetracted",
                    "\"decisionId\": \"D1\", \"influenceId\": \"I1\", \"reason\": \"Wrong member\""),
            Map.entry(
                    "DecisionMade",
                    "\"decisionId\": \"D1\", \"outcome\": \"Vouchers\", \"method\": \"CONSENSUS\", \"decidedBy\": [\"M1\"]"),
            Map.entry("DecisionRevised", "\"decisionId\": \"D1\", \"outcome\": \"Cash\", \"reason\": \"Feedback\""),
            Map.entry(
                    "ReflectionWritten",
                    "\"reflectionId\": \"R1\", \"authorId\": \"M1\", \"text\": \"I felt heard.\", \"visibility\": \"PRIVATE\""),
            Map.entry("ReflectionCoded", "\"reflectionId\": \"R1\", \"codes\": [\"being heard\"], \"codedBy\": \"M2\""),
            Map.entry(
                    "InterviewRecorded",
                    "\"interviewId\": \"IV1\", \"intervieweeId\": \"M1\", \"interviewerId\": \"M2\""),
            Map.entry("ConsentWithdrawn", "\"memberId\": \"M1\""),
            Map.entry(
                    "Gripp2ItemWritten",
                    "\"item\": \"REFLECTIONS\", \"text\": \"Evening meetings helped.\", \"authors\": [\"M1\"]"),
            Map.entry("CodeDefined", "\"code\": \"power\", \"changedBy\": \"M1\""),
            Map.entry("CodeRevised", "\"code\": \"power\", \"changedBy\": \"M1\""),
            Map.entry("CodesMerged", "\"codes\": [\"voice\"], \"into\": \"power\", \"changedBy\": \"M1\""),
            Map.entry("CodeRetired", "\"code\": \"jargon\", \"changedBy\": \"M1\""),
            Map.entry(
                    "TurnTranscribed",
                    "\"meetingId\": \"MT1\", \"turnId\": \"MT1.t1\", \"memberId\": \"M1\", \"text\": \"Yes.\""),
            Map.entry(
                    "PassageCoded",
                    "\"source\": \"REFLECTION\", \"sourceId\": \"R1\", \"start\": 0, \"end\": 4,"
                            + " \"codes\": [], \"codedBy\": \"M1\""));

    private static final List<String> V1_TYPES = EventSchemas.V1_TYPES;

    @Test
    void hasASchemaFileForEveryContractType() {
        assertThat(V1_TYPES).hasSize(25).doesNotHaveDuplicates();
        for (String type : V1_TYPES) {
            assertThat(SCHEMA_FOLDER.resolve(type + ".v1.schema.json")).isRegularFile();
            assertThat(SCHEMAS.versionsOf(type)).contains(1);
        }
        assertThat(SCHEMAS.eventTypes()).containsExactlyElementsOf(V1_TYPES);
    }

    @Test
    void everyVersionedSchemaFileNamesAContractTypeAndIsLoaded() throws IOException {
        List<String> versioned = schemaFileNames()
                .filter(name -> VERSIONED_SCHEMA.matcher(name).matches())
                .toList();

        assertThat(versioned).hasSizeGreaterThanOrEqualTo(V1_TYPES.size());
        for (String name : versioned) {
            Matcher matcher = VERSIONED_SCHEMA.matcher(name);
            assertThat(matcher.matches()).isTrue();
            assertThat(V1_TYPES).as(name).contains(matcher.group(1));
            assertThat(SCHEMAS.versionsOf(matcher.group(1))).as(name).contains(Integer.valueOf(matcher.group(2)));
        }
    }

    @Test
    void everyCataloguedEventTypeHasASchema() {
        assertThat(EventCatalogue.all())
                .extracting(EventCatalogue.EventType::name)
                .containsExactlyInAnyOrderElementsOf(SCHEMAS.eventTypes());
    }

    @Test
    void everySchemaFileDeclaresDraft202012AndItsIdTitleAndDescription() throws IOException {
        List<String> names = schemaFileNames().toList();

        assertThat(names).contains("envelope.schema.json", "common.schema.json");
        for (String name : names) {
            JsonNode schema = JSON.readTree(SCHEMA_FOLDER.resolve(name).toFile());
            assertThat(schema.path("$schema").asText())
                    .as(name)
                    .isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asText())
                    .as(name)
                    .isEqualTo("https://coproduction-timeline.org/events-schema/" + name);
            assertThat(schema.path("title").asText()).as(name).isNotBlank();
            assertThat(schema.path("description").asText()).as(name).isNotBlank();
        }
    }

    @ParameterizedTest
    @FieldSource("V1_TYPES")
    void acceptsAMinimalValidLineOfEveryType(String type) throws JsonProcessingException {
        assertThat(MINIMAL_DATA).containsKey(type);

        assertThat(SCHEMAS.validateLine(minimalLine(type))).isEmpty();
    }

    @Test
    void acceptsAValidDecisionMadeLineWithEveryEnvelopeField() throws JsonProcessingException {
        ObjectNode line = minimalLine("DecisionMade");
        line.put("schemaVersion", 1);
        line.put("eventId", "3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        line.put("recordedAt", "2012-03-06T09:30:00.125Z");

        assertThat(SCHEMAS.validateLine(line)).isEmpty();
    }

    @Test
    void acceptsEveryOptionalFieldOfTheContract() throws JsonProcessingException {
        ObjectNode contribution = minimalLine("ContributionRecorded");
        data(contribution).put("decisionId", "D1").put("summary", "Asked about payment");
        ObjectNode influence = minimalLine("InfluenceRecorded");
        data(influence).put("contributionId", "C1").put("reflectionId", "R1").put("note", "Decisive");
        ObjectNode interview = minimalLine("InterviewRecorded");
        data(interview).put("summary", "Talked about trust").putArray("codes").add("trust");

        assertThat(SCHEMAS.validateLine(contribution)).isEmpty();
        assertThat(SCHEMAS.validateLine(influence)).isEmpty();
        assertThat(SCHEMAS.validateLine(interview)).isEmpty();
    }

    @Test
    void reportsAMissingRequiredDataFieldOnItsOwnPath() throws JsonProcessingException {
        ObjectNode line = minimalLine("ContributionRecorded");
        data(line).remove("memberId");

        assertThat(SCHEMAS.validateLine(line)).containsExactly(new SchemaViolation("data.memberId", "is required"));
    }

    @Test
    void reportsAMissingProjectIdAndOccurredAtOnTheirOwnPaths() throws JsonProcessingException {
        ObjectNode line = line("ProjectClosed", "{}");

        assertThat(SCHEMAS.validateLine(line))
                .containsExactlyInAnyOrder(
                        new SchemaViolation("data.projectId", "is required"),
                        new SchemaViolation("data.occurredAt", "is required"));
    }

    @Test
    void reportsAMissingDataOnItsOwnPath() throws JsonProcessingException {
        JsonNode line = JSON.readTree("{\"type\": \"ProjectClosed\"}");

        assertThat(SCHEMAS.validateLine(line)).containsExactly(new SchemaViolation("data", "is required"));
    }

    @Test
    void rejectsAWrongEnumValueListingTheAllowedOnes() throws JsonProcessingException {
        ObjectNode line = minimalLine("ContributionRecorded");
        data(line).put("category", "SHOUTS");

        List<SchemaViolation> violations = SCHEMAS.validateLine(line);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("data.category");
            assertThat(violation.message())
                    .isEqualTo("must be one of SHOWS_SOLIDARITY, SHOWS_TENSION_RELEASE, AGREES, GIVES_SUGGESTION,"
                            + " GIVES_OPINION, GIVES_ORIENTATION, ASKS_FOR_ORIENTATION, ASKS_FOR_OPINION,"
                            + " ASKS_FOR_SUGGESTION, DISAGREES, SHOWS_TENSION, SHOWS_ANTAGONISM");
        });
    }

    @Test
    void rejectsALowerCaseEnumValue() throws JsonProcessingException {
        ObjectNode line = minimalLine("ReflectionWritten");
        data(line).put("visibility", "team");

        assertThat(SCHEMAS.validateLine(line))
                .containsExactly(new SchemaViolation("data.visibility", "must be one of PRIVATE, TEAM"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2012-03-05", "2012-03-05T10:00:00Z", "2012-03-05T11:00:00.250+01:00"})
    void acceptsADateOrAnInstantAsOccurredAt(String occurredAt) throws JsonProcessingException {
        ObjectNode line = minimalLine("MemberLeft");
        data(line).put("occurredAt", occurredAt);

        assertThat(SCHEMAS.validateLine(line)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2012-3-5", "05/03/2012", "2012-03-05T10:00:00", "2012-13-01", "2012-03-05 10:00:00Z", ""})
    void rejectsAMalformedOccurredAt(String occurredAt) throws JsonProcessingException {
        ObjectNode line = minimalLine("MemberLeft");
        data(line).put("occurredAt", occurredAt);

        assertThat(SCHEMAS.validateLine(line))
                .containsExactly(new SchemaViolation(
                        "data.occurredAt",
                        "must be a date such as 2012-03-05 or an instant such as 2012-03-05T10:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "member 1",
                "M1/2",
                "",
                "ÄDA",
                "12345678901234567890123456789012345678901234567890123456789012345"
            })
    void rejectsAMalformedId(String memberId) throws JsonProcessingException {
        ObjectNode line = minimalLine("MemberLeft");
        data(line).put("memberId", memberId);

        assertThat(SCHEMAS.validateLine(line))
                .containsExactly(
                        new SchemaViolation("data.memberId", "must be 1-64 characters of A-Z a-z 0-9 . _ : -"));
    }

    @Test
    void acceptsAnIdOf64CharactersOfEveryAllowedKind() throws JsonProcessingException {
        ObjectNode line = minimalLine("MemberLeft");
        data(line).put("memberId", "urn:member:A-z.0_9" + "x".repeat(46));

        assertThat(SCHEMAS.validateLine(line)).isEmpty();
    }

    @Test
    void rejectsAMalformedIdInsideAnArrayNamingItsIndex() throws JsonProcessingException {
        ObjectNode line = minimalLine("DecisionMade");
        data(line).putArray("decidedBy").add("M1").add("M 2");

        assertThat(SCHEMAS.validateLine(line))
                .containsExactly(
                        new SchemaViolation("data.decidedBy[1]", "must be 1-64 characters of A-Z a-z 0-9 . _ : -"));
    }

    @Test
    void rejectsTextOver20000Characters() throws JsonProcessingException {
        ObjectNode line = minimalLine("ReflectionWritten");
        data(line).put("text", "a".repeat(20_001));

        assertThat(SCHEMAS.validateLine(line))
                .containsExactly(new SchemaViolation("data.text", "must be at most 20000 characters"));
    }

    @Test
    void acceptsTextOfExactly20000Characters() throws JsonProcessingException {
        ObjectNode line = minimalLine("ReflectionWritten");
        data(line).put("text", "a".repeat(20_000));

        assertThat(SCHEMAS.validateLine(line)).isEmpty();
    }

    @Test
    void rejectsOptionalTextOver20000Characters() throws JsonProcessingException {
        ObjectNode line = minimalLine("ProjectRegistered");
        data(line).put("description", "a".repeat(20_001));

        assertThat(SCHEMAS.validateLine(line))
                .containsExactly(new SchemaViolation("data.description", "must be at most 20000 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejectsAnEmptyOrBlankRequiredTextOnce(String title) throws JsonProcessingException {
        ObjectNode line = minimalLine("DecisionProposed");
        data(line).put("title", title);

        assertThat(SCHEMAS.validateLine(line)).containsExactly(new SchemaViolation("data.title", "must not be blank"));
    }

    @Test
    void rejectsUnknownTypeNamingTheField() throws JsonProcessingException {
        ObjectNode line = line("DecisionTaken", "{\"whatever\": 1}");

        List<SchemaViolation> violations = SCHEMAS.validateLine(line);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("type");
            assertThat(violation.message()).startsWith("must be one of ProjectRegistered, PhaseStarted,");
            assertThat(violation.message()).contains("DecisionMade");
        });
    }

    @Test
    void reportsAMissingTypeOnItsOwnPath() throws JsonProcessingException {
        JsonNode line = JSON.readTree("{\"data\": {" + PROJECT + "}}");

        assertThat(SCHEMAS.validateLine(line)).containsExactly(new SchemaViolation("type", "is required"));
    }

    @Test
    void rejectsAnUnknownSchemaVersionOfAKnownType() throws JsonProcessingException {
        ObjectNode line = minimalLine("DecisionMade");
        line.put("schemaVersion", 2);

        assertThat(SCHEMAS.validateLine(line))
                .containsExactly(
                        new SchemaViolation("schemaVersion", "is not a known version of DecisionMade (known: 1)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "\"1\"", "1.5"})
    void rejectsASchemaVersionThatIsNotAPositiveWholeNumber(String schemaVersion) throws JsonProcessingException {
        ObjectNode line = minimalLine("DecisionMade");
        line.set("schemaVersion", JSON.readTree(schemaVersion));

        assertThat(SCHEMAS.validateLine(line))
                .singleElement()
                .extracting(SchemaViolation::field)
                .isEqualTo("schemaVersion");
    }

    @Test
    void acceptsAnAdditionalOptionalPropertyInData() throws JsonProcessingException {
        ObjectNode line = minimalLine("MeetingHeld");
        data(line).put("location", "Community centre").put("durationMinutes", 90);

        assertThat(SCHEMAS.validateLine(line)).isEmpty();
    }

    @Test
    void rejectsAnUnknownEnvelopePropertyNamingIt() throws JsonProcessingException {
        ObjectNode line = minimalLine("MeetingHeld");
        line.put("comment", "imported from the old sheet");

        List<SchemaViolation> violations = SCHEMAS.validateLine(line);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("comment");
            assertThat(violation.message()).startsWith("is not an envelope field");
        });
    }

    @Test
    void rejectsAMalformedEventIdAndRecordedAt() throws JsonProcessingException {
        ObjectNode line = minimalLine("MemberLeft");
        line.put("eventId", "event-1");
        line.put("recordedAt", "2012-03-05");

        assertThat(SCHEMAS.validateLine(line))
                .containsExactly(
                        new SchemaViolation("eventId", "must be a UUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301"),
                        new SchemaViolation(
                                "recordedAt",
                                "must be an instant such as 2012-03-05T10:00:00Z or 2012-03-05T11:00:00+01:00"));
    }

    @Test
    void requiresAtLeastOnePerspectiveWhenJoiningAndChangingRole() throws JsonProcessingException {
        ObjectNode joined = minimalLine("MemberJoined");
        data(joined).putArray("perspectives");
        ObjectNode changed = minimalLine("MemberRoleChanged");
        data(changed).remove("perspectives");

        assertThat(SCHEMAS.validateLine(joined))
                .containsExactly(new SchemaViolation("data.perspectives", "must not be empty"));
        assertThat(SCHEMAS.validateLine(changed))
                .containsExactly(new SchemaViolation("data.perspectives", "is required"));
    }

    @Test
    void acceptsAnUnlistedRoleOrPerspectiveButOnlyAsAnUpperCaseWord() throws JsonProcessingException {
        ObjectNode line = minimalLine("MemberJoined");
        data(line).put("role", "COMMUNITY_LEAD_2");
        ArrayNode perspectives =
                data(line).putArray("perspectives").add("YOUTH_WORKER").add("carer");

        assertThat(SCHEMAS.validateLine(line))
                .containsExactly(
                        new SchemaViolation("data.perspectives[1]", "must be an upper-case word such as SERVICE_USER"));
        perspectives.remove(1);
        assertThat(SCHEMAS.validateLine(line)).isEmpty();
    }

    @Test
    void requiresSomeoneToHaveDecidedButAllowsAMeetingWithoutAttendees() throws JsonProcessingException {
        ObjectNode decision = minimalLine("DecisionMade");
        data(decision).putArray("decidedBy");

        assertThat(SCHEMAS.validateLine(decision))
                .containsExactly(new SchemaViolation("data.decidedBy", "must not be empty"));
        assertThat(SCHEMAS.validateLine(minimalLine("MeetingHeld"))).isEmpty();
    }

    @Test
    void rejectsARepeatedAttendee() throws JsonProcessingException {
        ObjectNode line = minimalLine("MeetingHeld");
        data(line).putArray("attendees").add("M1").add("M1");

        assertThat(SCHEMAS.validateLine(line))
                .containsExactly(new SchemaViolation("data.attendees", "must not repeat a value"));
    }

    @Test
    void requiresAtLeastOneNonBlankCodeOfAtMost200Characters() throws JsonProcessingException {
        ObjectNode line = minimalLine("ReflectionCoded");
        data(line).putArray("codes").add(" ").add("c".repeat(201));
        ObjectNode uncoded = minimalLine("ReflectionCoded");
        data(uncoded).putArray("codes");

        assertThat(SCHEMAS.validateLine(line))
                .containsExactly(
                        new SchemaViolation("data.codes[0]", "must not be blank"),
                        new SchemaViolation("data.codes[1]", "must be at most 200 characters"));
        assertThat(SCHEMAS.validateLine(uncoded))
                .containsExactly(new SchemaViolation("data.codes", "must not be empty"));
    }

    @Test
    void reportsAValueOfTheWrongJsonType() throws JsonProcessingException {
        ObjectNode line = minimalLine("DecisionMade");
        data(line).put("decidedBy", "M1");
        data(line).putNull("outcome");

        assertThat(SCHEMAS.validateLine(line))
                .containsExactlyInAnyOrder(
                        new SchemaViolation("data.outcome", "must be a string, not null"),
                        new SchemaViolation("data.decidedBy", "must be an array, not a string"));
    }

    @Test
    void reportsAnOptionalFieldWrittenAsNullRatherThanLeftOut() throws JsonProcessingException {
        ObjectNode line = minimalLine("ContributionRecorded");
        data(line).putNull("summary");

        assertThat(SCHEMAS.validateLine(line))
                .containsExactly(new SchemaViolation("data.summary", "must be a string, not null"));
    }

    @Test
    void rejectsDataThatIsNotAnObjectWithoutCheckingItsFields() throws JsonProcessingException {
        ObjectNode line = minimalLine("MemberLeft");
        line.putArray("data");

        assertThat(SCHEMAS.validateLine(line))
                .containsExactly(new SchemaViolation("data", "must be an object, not an array"));
    }

    @Test
    void reportsEveryViolationOfALineOnce() throws JsonProcessingException {
        ObjectNode line = line("InfluenceRecorded", "{\"occurredAt\": \"yesterday\", \"kind\": \"LIKED\"}");
        line.put("eventId", "1");

        List<SchemaViolation> violations = SCHEMAS.validateLine(line);

        assertThat(violations).doesNotHaveDuplicates();
        assertThat(violations)
                .extracting(SchemaViolation::field)
                .containsExactlyInAnyOrder(
                        "eventId",
                        "data.projectId",
                        "data.occurredAt",
                        "data.decisionId",
                        "data.influenceId",
                        "data.memberId",
                        "data.kind");
    }

    @Test
    void rejectsALineThatIsNotAJsonObject() throws JsonProcessingException {
        assertThat(SCHEMAS.validateLine(JSON.readTree("[1, 2]")))
                .containsExactly(new SchemaViolation("$", "must be a JSON object (one event per line)"));
    }

    @Test
    void knowsNoVersionOfAnUnknownType() {
        assertThat(SCHEMAS.versionsOf("DecisionTaken")).isEmpty();
    }

    private static Stream<String> schemaFileNames() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMA_FOLDER)) {
            return files
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".schema.json"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static ObjectNode minimalLine(String type) throws JsonProcessingException {
        String fields = MINIMAL_DATA.get(type);
        return line(type, "{" + PROJECT + (fields.isEmpty() ? "" : ", " + fields) + "}");
    }

    private static ObjectNode line(String type, String data) throws JsonProcessingException {
        ObjectNode line = JSON.createObjectNode().put("type", type);
        line.set("data", JSON.readTree(data));
        return line;
    }

    private static ObjectNode data(ObjectNode line) {
        return (ObjectNode) line.get("data");
    }
}

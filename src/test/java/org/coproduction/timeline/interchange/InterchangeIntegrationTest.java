package org.coproduction.timeline.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.timeline.TimelineApplication;
import org.coproduction.timeline.access.ProjectAccess;
import org.coproduction.timeline.access.api.ProjectRole;
import org.coproduction.timeline.demo.DemoProjectGenerator;
import org.coproduction.timeline.privacy.MasterKey;
import org.coproduction.timeline.testing.SignedInTestClients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Import and export over HTTP, against a real store: all-or-nothing, idempotent, and lossless. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class InterchangeIntegrationTest {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ANN = "ann";
    private static final String BEN = "ben";
    /** Never joins. */
    private static final String ZED = "zed";

    private static final String MEETING = "meeting-1";
    private static final String DECISION = "decision-1";

    // Valid and recorded times of the small study, line by line.
    private static final String REGISTERED_AT = "2021-01-04T09:00:00Z";
    private static final String DESIGN_STARTS = "2021-01-05";
    private static final String TEAM_JOINS_AT = "2021-01-05T09:00:00Z";
    private static final String SET_UP_RECORDED_AT = "2021-01-05T10:00:00Z";
    private static final String MEETING_AT = "2021-01-11T10:00:00Z";
    private static final String ANN_SPEAKS_AT = "2021-01-11T10:05:00Z";
    private static final String BEN_SPEAKS_AT = "2021-01-11T10:10:00Z";
    private static final String PROPOSED_AT = "2021-01-11T10:15:00Z";
    private static final String INFLUENCED_AT = "2021-01-11T10:20:00Z";
    private static final String MINUTES_RECORDED_AT = "2021-01-11T12:00:00Z";
    private static final String DECIDED_AT = "2021-02-08T10:00:00Z";
    private static final String DECISION_RECORDED_AT = "2021-02-08T12:00:00Z";
    private static final String REFLECTED_ON = "2021-02-09";
    private static final String REFLECTION_RECORDED_AT = "2021-03-01T09:00:00Z";

    private static final int REFLECTION_LINE = 11;

    private static final String IDEMPOTENT = "interchange-idempotent";
    private static final String DERIVED_IDS = "interchange-derived-ids";
    private static final String UNKNOWN_TYPE = "interchange-unknown-type";
    private static final String STRANGER = "interchange-stranger";
    private static final String TWO_BAD_LINES = "interchange-two-bad-lines";
    private static final String MALFORMED_DATE = "interchange-malformed-date";
    private static final String IMPOSSIBLE_DATE = "interchange-impossible-date";
    private static final String BROKEN_JSON = "interchange-broken-json";
    private static final String EARLY_INFLUENCE = "interchange-early-influence";
    private static final String TIME_BOUNDS = "interchange-time-bounds";
    private static final String NEVER_IMPORTED = "interchange-never-imported";
    private static final String REORDERED = "interchange-reordered";
    private static final String ID_OWNER = "interchange-id-owner";
    private static final String ID_BORROWER = "interchange-id-borrower";

    @Autowired
    TestRestTemplate http;

    /** Exports are for a project's coordinators: the tests' account is made one of each project it exports. */
    @Autowired
    ProjectAccess access;

    @Autowired
    MasterKey masterKey;

    @Autowired
    JdbcTemplate jdbc;

    /** Register, phase, two members, a meeting, two contributions, a decision with an influence, made, a reflection. */
    private static InterchangeFile smallStudy(String projectId) {
        return new InterchangeFile(projectId)
                .add("ProjectRegistered", REGISTERED_AT, SET_UP_RECORDED_AT, "title", "Peer support study")
                .add("PhaseStarted", DESIGN_STARTS, SET_UP_RECORDED_AT, "phaseId", "design", "name", "Design")
                .memberJoined(TEAM_JOINS_AT, SET_UP_RECORDED_AT, ANN, "Ann Archer", "RESEARCHER", "ACADEMIC")
                .memberJoined(
                        TEAM_JOINS_AT,
                        SET_UP_RECORDED_AT,
                        BEN,
                        "Ben Bell",
                        "PEER_WORKER",
                        "SERVICE_USER",
                        "PEER_WORKER")
                .add(
                        "MeetingHeld",
                        MEETING_AT,
                        MINUTES_RECORDED_AT,
                        "meetingId",
                        MEETING,
                        "title",
                        "Kick-off",
                        "kind",
                        "TEAM",
                        "attendees",
                        List.of(ANN, BEN))
                .add(
                        "ContributionRecorded",
                        ANN_SPEAKS_AT,
                        MINUTES_RECORDED_AT,
                        "meetingId",
                        MEETING,
                        "contributionId",
                        "contribution-1",
                        "memberId",
                        ANN,
                        "category",
                        "GIVES_ORIENTATION")
                .add(
                        "ContributionRecorded",
                        BEN_SPEAKS_AT,
                        MINUTES_RECORDED_AT,
                        "meetingId",
                        MEETING,
                        "contributionId",
                        "contribution-2",
                        "memberId",
                        BEN,
                        "category",
                        "GIVES_SUGGESTION")
                .add(
                        "DecisionProposed",
                        PROPOSED_AT,
                        MINUTES_RECORDED_AT,
                        "decisionId",
                        DECISION,
                        "title",
                        "Keep a shared diary",
                        "proposedBy",
                        ANN)
                .add(
                        "InfluenceRecorded",
                        INFLUENCED_AT,
                        MINUTES_RECORDED_AT,
                        "decisionId",
                        DECISION,
                        "influenceId",
                        "influence-1",
                        "memberId",
                        BEN,
                        "kind",
                        "SUPPORTED",
                        "contributionId",
                        "contribution-2")
                .add(
                        "DecisionMade",
                        DECIDED_AT,
                        DECISION_RECORDED_AT,
                        "decisionId",
                        DECISION,
                        "outcome",
                        "A shared diary it is",
                        "method",
                        "CONSENSUS",
                        "decidedBy",
                        List.of(ANN, BEN))
                .add(
                        "ReflectionWritten",
                        REFLECTED_ON,
                        REFLECTION_RECORDED_AT,
                        "reflectionId",
                        "reflection-1",
                        "authorId",
                        ANN,
                        "text",
                        "Ben's idea carried the day.",
                        "visibility",
                        "TEAM",
                        "decisionId",
                        DECISION);
    }

    @Test
    void importsAValidFileOnceAndCountsItsLinesAsAlreadyPresentTheSecondTime() {
        InterchangeFile file = smallStudy(IDEMPOTENT);

        ResponseEntity<JsonNode> first = importLines(file.text());
        ResponseEntity<JsonNode> second = importLines(file.text());

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().path("imported").asLong()).isEqualTo(file.size());
        assertThat(first.getBody().path("alreadyPresent").asLong()).isZero();
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody().path("imported").asLong()).isZero();
        assertThat(second.getBody().path("alreadyPresent").asLong()).isEqualTo(file.size());
        assertThat(exportedEventIds(IDEMPOTENT))
                .containsExactlyElementsOf(file.eventIds(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
    }

    @Test
    void importsLinesWithoutEventIdOnceThroughDerivedIds() {
        InterchangeFile file = smallStudy(DERIVED_IDS).withoutEventIds();

        ResponseEntity<JsonNode> first = importLines(file.text());
        List<String> idsAfterFirst = exportedEventIds(DERIVED_IDS);
        ResponseEntity<JsonNode> second = importLines(file.text());

        assertThat(first.getBody().path("imported").asLong()).isEqualTo(file.size());
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody().path("imported").asLong()).isZero();
        assertThat(second.getBody().path("alreadyPresent").asLong()).isEqualTo(file.size());
        assertThat(exportedEventIds(DERIVED_IDS)).hasSize(file.size()).isEqualTo(idsAfterFirst);
    }

    @Test
    void derivesTheSameIdsWhateverTheOrderOfTheDataFields() {
        InterchangeFile file = smallStudy(REORDERED).withoutEventIds();
        InterchangeFile reordered = smallStudy(REORDERED).withoutEventIds();
        for (int n = 1; n <= reordered.size(); n++) {
            reordered.edit(n, line -> {
                ObjectNode data = (ObjectNode) line.remove("data");
                ObjectNode reversed = line.putObject("data");
                List<String> names = new ArrayList<>();
                data.fieldNames().forEachRemaining(names::add);
                for (int i = names.size() - 1; i >= 0; i--) {
                    reversed.set(names.get(i), data.get(names.get(i)));
                }
            });
        }
        assertThat(importLines(file.text()).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> again = importLines(reordered.text());

        assertThat(again.getStatusCode()).as("%s", again.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("alreadyPresent").asLong()).isEqualTo(file.size());
    }

    @Test
    void refusesTheWholeFileForAnUnknownTypeInTheMiddleAndStoresNothing() {
        InterchangeFile good = smallStudy(UNKNOWN_TYPE);
        InterchangeFile bad = smallStudy(UNKNOWN_TYPE).edit(6, line -> line.put("type", "RemarkMade"));

        ResponseEntity<JsonNode> refused = importLines(bad.text());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).containsExactly(new LineError(6, "type"));
        assertThat(refused.getBody().path("errors").get(0).path("message").asText())
                .isNotBlank();
        assertThat(export(UNKNOWN_TYPE, "").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> corrected = importLines(good.text());

        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(corrected.getBody().path("imported").asLong()).isEqualTo(good.size());
        assertThat(corrected.getBody().path("alreadyPresent").asLong()).isZero();
    }

    @Test
    void refusesAContributionBySomeoneWhoHasNotJoinedWithItsLineNumber() {
        InterchangeFile file = smallStudy(STRANGER).editData(6, "memberId", ZED);

        ResponseEntity<JsonNode> refused = importLines(file.text());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).containsExactly(new LineError(6, "data.memberId"));
        assertThat(refused.getBody().path("errors").get(0).path("message").asText())
                .contains(ZED);
        assertThat(export(STRANGER, "").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void reportsEveryBadLineAtOnceNamingAMissingFieldAndAWrongEnumValue() {
        InterchangeFile file = smallStudy(TWO_BAD_LINES)
                .editData(6, "category", "SHOUTS")
                .edit(REFLECTION_LINE, line -> ((ObjectNode) line.get("data")).remove("text"));

        ResponseEntity<JsonNode> refused = importLines(file.text());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused))
                .containsExactly(new LineError(6, "data.category"), new LineError(REFLECTION_LINE, "data.text"));
        assertThat(refused.getBody().path("errors").get(0).path("message").asText())
                .contains("GIVES_SUGGESTION");
        assertThat(refused.getBody().path("errors").get(1).path("message").asText())
                .isEqualTo("is required");
        assertThat(refused.getBody().path("errorCount").asLong()).isEqualTo(2);
        assertThat(export(TWO_BAD_LINES, "").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** A file of bad lines costs the server no memory for its errors: the first 1,000 are listed, all are counted. */
    @Test
    void listsTheFirstThousandErrorsAndCountsThemAll() {
        ResponseEntity<JsonNode> refused = importLines("{}\n".repeat(2_500));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").size()).isEqualTo(1_000);
        assertThat(refused.getBody().path("errors").get(0).path("line").asLong())
                .isEqualTo(1);
        assertThat(refused.getBody().path("errorCount").asLong()).isGreaterThanOrEqualTo(2_500);
    }

    @Test
    void namesOccurredAtForAMalformedDate() {
        InterchangeFile file = smallStudy(MALFORMED_DATE).editData(REFLECTION_LINE, "occurredAt", "09/02/2021");

        ResponseEntity<JsonNode> refused = importLines(file.text());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).containsExactly(new LineError(REFLECTION_LINE, "data.occurredAt"));
    }

    @Test
    void namesOccurredAtForADateThatDoesNotExist() {
        InterchangeFile file = smallStudy(IMPOSSIBLE_DATE).editData(REFLECTION_LINE, "occurredAt", "2021-02-30");

        ResponseEntity<JsonNode> refused = importLines(file.text());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).containsExactly(new LineError(REFLECTION_LINE, "data.occurredAt"));
    }

    @Test
    void namesTheWholeLineForInvalidJson() {
        InterchangeFile file = smallStudy(BROKEN_JSON).replace(6, "{\"type\": \"ContributionRecorded\", \"data\": {");

        ResponseEntity<JsonNode> refused = importLines(file.text());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).containsExactly(new LineError(6, "$"));
        assertThat(export(BROKEN_JSON, "").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesAnInfluenceOnADecisionProposedAfterItWithItsLineNumber() {
        InterchangeFile file = smallStudy(EARLY_INFLUENCE).editData(9, "occurredAt", MEETING_AT);

        ResponseEntity<JsonNode> refused = importLines(file.text());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).containsExactly(new LineError(9, "data.occurredAt"));
        assertThat(refused.getBody().path("errors").get(0).path("message").asText())
                .contains(DECISION);
        assertThat(export(EARLY_INFLUENCE, "").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void exportsOnlyWhatWasRecordedByKnownAtAndWhatHadOccurredByAsOf() {
        InterchangeFile file = smallStudy(TIME_BOUNDS);
        assertThat(importLines(file.text()).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(exportedEventIds(TIME_BOUNDS, "?knownAt=2021-02-01"))
                .containsExactlyElementsOf(file.eventIds(1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertThat(exportedEventIds(TIME_BOUNDS, "?knownAt=" + DECISION_RECORDED_AT))
                .containsExactlyElementsOf(file.eventIds(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        assertThat(exportedEventIds(TIME_BOUNDS, "?asOf=2021-02-08T23:59:59Z"))
                .containsExactlyElementsOf(file.eventIds(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        assertThat(exportedEventIds(TIME_BOUNDS, "?asOf=" + REFLECTED_ON))
                .containsExactlyElementsOf(file.eventIds(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        assertThat(exportedEventIds(TIME_BOUNDS, "?asOf=2021-01-31&knownAt=" + DECISION_RECORDED_AT))
                .containsExactlyElementsOf(file.eventIds(1, 2, 3, 4, 5, 6, 7, 8, 9));
    }

    @Test
    void answersNotFoundForTheExportOfAnUnknownProject() {
        ResponseEntity<byte[]> export = export(NEVER_IMPORTED, "");

        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /**
     * A whole backup: the export, with the installation's keys (the master key and the project's
     * member keys, which the file does not carry), re-imports into an empty store and exports the
     * same bytes. Without the keys the sealed lines are refused: nothing is stored that cannot open.
     */
    @Test
    void exportImportedIntoAnEmptyStoreExportsTheSameBytes() throws IOException {
        String demo = demoFile();
        List<String> demoLines = demo.lines().toList();
        ResponseEntity<JsonNode> imported = importLines(demo);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().path("imported").asLong()
                        + imported.getBody().path("alreadyPresent").asLong())
                .isEqualTo(demoLines.size());

        ResponseEntity<byte[]> firstExport = export(DemoProjectGenerator.DEMO_PROJECT_ID, "");
        assertThat(firstExport.getHeaders().getContentType().isCompatibleWith(NDJSON))
                .isTrue();
        byte[] first = firstExport.getBody();
        List<JsonNode> exported = parseLines(first);

        assertThat(exported).hasSize(demoLines.size());
        assertEveryLineConformsToTheSchemas(exported);
        assertRecordedAtIsTheFilesRecordedAt(demoLines, exported);

        byte[] second;
        try (ConfigurableApplicationContext emptyStore = new SpringApplicationBuilder(TimelineApplication.class)
                .run(
                        "--timeline.data-dir=./target/test-data/" + UUID.randomUUID(),
                        "--timeline.keys.master-key-file=" + masterKey.source(),
                        "--server.port=0",
                        "--timeline.demo.load-on-empty-store=false")) {
            int port = ((WebServerApplicationContext) emptyStore).getWebServer().getPort();
            TestRestTemplate other = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port))
                    .withBasicAuth(SignedInTestClients.USERNAME, SignedInTestClients.PASSWORD);
            ResponseEntity<JsonNode> withoutKeys = importLines(other, new String(first, StandardCharsets.UTF_8));
            assertThat(withoutKeys.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(withoutKeys.getBody().toString()).contains("sealed under a key this installation does not hold");

            JdbcTemplate otherJdbc = emptyStore.getBean(JdbcTemplate.class);
            jdbc.query(
                    "SELECT project_id, member_id, keyset, created_at, destroyed_at, withdrawal_no FROM member_key"
                            + " WHERE project_id = ?",
                    row -> {
                        otherJdbc.update(
                                "INSERT INTO member_key (project_id, member_id, keyset, created_at, destroyed_at,"
                                        + " withdrawal_no) VALUES (?, ?, ?, ?, ?, ?)",
                                row.getString(1),
                                row.getString(2),
                                row.getString(3),
                                row.getObject(4),
                                row.getObject(5),
                                row.getObject(6));
                    },
                    DemoProjectGenerator.DEMO_PROJECT_ID);
            ResponseEntity<JsonNode> reimported = importLines(other, new String(first, StandardCharsets.UTF_8));
            assertThat(reimported.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(reimported.getBody().path("imported").asLong()).isEqualTo(demoLines.size());
            assertThat(reimported.getBody().path("alreadyPresent").asLong()).isZero();
            second = export(other, DemoProjectGenerator.DEMO_PROJECT_ID, "").getBody();
        }

        assertThat(second).isNotEmpty();
        assertThat(new String(second, StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8));
    }

    @Test
    void refusesALineWhoseEventIdAnotherProjectAlreadyHoldsAndStoresNothing() {
        InterchangeFile owner = smallStudy(ID_OWNER);
        assertThat(importLines(owner.text()).getStatusCode()).isEqualTo(HttpStatus.OK);
        InterchangeFile borrower = smallStudy(ID_BORROWER).edit(3, line -> line.put("eventId", owner.eventId(3)));

        ResponseEntity<JsonNode> response = importLines(borrower.text());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(response)).containsExactly(new LineError(3, "eventId"));
        assertThat(export(ID_BORROWER, "").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** Nothing happens or is recorded after it is stored: a future occurredAt or recordedAt is an error. */
    @Test
    void refusesLinesThatOccurredOrWereRecordedAfterNowAndStoresNothing() {
        String project = "interchange-future";
        InterchangeFile future = smallStudy(project)
                .editData(4, "occurredAt", "2999-01-01T00:00:00Z")
                .edit(6, line -> line.put("recordedAt", "2999-01-01T00:00:00Z"));

        ResponseEntity<JsonNode> response = importLines(future.text());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // (Lines naming what line 4 would have recorded are refused too: their member never joined.)
        assertThat(errors(response)).contains(new LineError(4, "data.occurredAt"), new LineError(6, "recordedAt"));
        assertThat(response.getBody().toString()).contains("after now");
        assertThat(export(project, "").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static void assertEveryLineConformsToTheSchemas(List<JsonNode> exported) {
        EventSchemas schemas = new EventSchemas();
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < exported.size(); i++) {
            int lineNumber = i + 1;
            schemas.validateLine(exported.get(i)).forEach(v -> violations.add("line " + lineNumber + ": " + v));
        }
        assertThat(violations).isEmpty();
    }

    private static void assertRecordedAtIsTheFilesRecordedAt(List<String> demoLines, List<JsonNode> exported)
            throws IOException {
        Map<String, Instant> recordedAt = new HashMap<>();
        for (String line : demoLines) {
            JsonNode node = JSON.readTree(line);
            recordedAt.put(
                    node.path("eventId").asText(),
                    Instant.parse(node.path("recordedAt").asText()));
        }
        for (JsonNode line : exported) {
            assertThat(Instant.parse(line.path("recordedAt").asText()))
                    .as("recordedAt of %s", line.path("eventId").asText())
                    .isEqualTo(recordedAt.get(line.path("eventId").asText()));
        }
    }

    private static String demoFile() throws IOException {
        StringWriter out = new StringWriter();
        new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED).writeTo(out);
        return out.toString();
    }

    private ResponseEntity<JsonNode> importLines(String body) {
        return importLines(http, body);
    }

    private static ResponseEntity<JsonNode> importLines(TestRestTemplate client, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(NDJSON);
        return client.postForEntity("/api/import", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<byte[]> export(String projectId, String query) {
        access.grant(projectId, SignedInTestClients.USERNAME, ProjectRole.COORDINATOR, null, null);
        return export(http, projectId, query);
    }

    private static ResponseEntity<byte[]> export(TestRestTemplate client, String projectId, String query) {
        return client.getForEntity("/api/projects/" + projectId + "/events" + query, byte[].class);
    }

    private List<String> exportedEventIds(String projectId) {
        return exportedEventIds(projectId, "");
    }

    private List<String> exportedEventIds(String projectId, String query) {
        ResponseEntity<byte[]> export = export(projectId, query);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        return parseLines(export.getBody()).stream()
                .map(line -> line.path("eventId").asText())
                .toList();
    }

    private static List<JsonNode> parseLines(byte[] body) {
        if (body == null) {
            return List.of();
        }
        return new String(body, StandardCharsets.UTF_8)
                .lines()
                .map(line -> {
                    try {
                        return JSON.readTree(line);
                    } catch (IOException e) {
                        throw new AssertionError("exported line is not JSON: " + line, e);
                    }
                })
                .toList();
    }

    private static List<LineError> errors(ResponseEntity<JsonNode> response) {
        List<LineError> errors = new ArrayList<>();
        response.getBody()
                .path("errors")
                .forEach(error -> errors.add(new LineError(
                        error.path("line").asLong(), error.path("field").asText())));
        return errors;
    }

    /** Where an import error points: line and field (the message is checked separately). */
    private record LineError(long line, String field) {}
}

package org.coproduction.timeline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.access.Door;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reflection's text is stored sealed under its author's key, whether it came as a command or in
 * an imported version-1 line, and so are members' names, turns' summaries, influences' notes and
 * interviews' summaries, each under its member's key; the timeline opens them for those who may read
 * them; the export carries them sealed (version 2), and a sealed line of this installation imports
 * back as it is.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealedTextTest {

    static final String PROJECT = "sealed-study";
    static final String PRIVATE_TEXT = "Sealed-private-words-4c1d";
    static final String TEAM_TEXT = "Sealed-team-words-9e2b";
    static final String IMPORTED_TEXT = "Sealed-imported-words-77aa";
    static final String SUMMARY = "Sealed-interview-summary-31ef";
    static final String TURN = "Sealed-turn-summary-5b0c";
    static final String NOTE = "Sealed-influence-note-a7d2";
    static final String ANN = "Ann Sealed-Archer";
    static final String BEN = "Ben Sealed-Bishop";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Door door;

    @BeforeAll
    void aProjectWithReflections() {
        door = new Door(port);
        door.account("seal-coordinator");
        door.account("seal-ann");
        door.account("seal-viewer");
        String as = "seal-coordinator";
        String base = "/api/projects/" + PROJECT;
        door.project(as, PROJECT);
        door.member(as, PROJECT, "m-ann", ANN, "SERVICE_USER");
        door.grant(as, PROJECT, "seal-ann", "MEMBER", "m-ann");
        door.grant(as, PROJECT, "seal-viewer", "VIEWER", null);
        door.member(as, PROJECT, "m-ben", BEN, "ACADEMIC");
        ok(door.send(
                as,
                "POST",
                base + "/meetings",
                "{\"meetingId\":\"mt-1\",\"occurredAt\":\"2024-01-02\",\"title\":\"Kick-off\",\"kind\":\"TEAM\","
                        + "\"attendees\":[\"m-ann\",\"m-ben\"]}"));
        ok(door.send(
                as,
                "POST",
                base + "/meetings/mt-1/contributions",
                Door.json(Map.of(
                        "contributionId",
                        "c-1",
                        "occurredAt",
                        "2024-01-02T10:00:00Z",
                        "memberId",
                        "m-ann",
                        "category",
                        "AGREES",
                        "summary",
                        TURN))));
        ok(door.send(
                as,
                "POST",
                base + "/decisions",
                Door.json(Map.of(
                        "decisionId",
                        "d-1",
                        "occurredAt",
                        "2024-01-02T11:00:00Z",
                        "title",
                        "Recruit online",
                        "proposedBy",
                        "m-ben"))));
        ok(door.send(
                as,
                "POST",
                base + "/decisions/d-1/influences",
                Door.json(Map.of(
                        "influenceId",
                        "i-1",
                        "occurredAt",
                        "2024-01-02T11:00:00Z",
                        "memberId",
                        "m-ann",
                        "kind",
                        "AMENDED",
                        "note",
                        NOTE))));
        ok(door.send(
                as,
                "POST",
                base + "/interviews",
                Door.json(Map.of(
                        "interviewId",
                        "int-1",
                        "intervieweeId",
                        "m-ann",
                        "interviewerId",
                        "m-ben",
                        "summary",
                        SUMMARY,
                        "occurredAt",
                        "2024-01-06"))));
        ok(door.send(
                "seal-ann",
                "POST",
                base + "/reflections",
                Door.json(Map.of(
                        "reflectionId",
                        "r-private",
                        "text",
                        PRIVATE_TEXT,
                        "visibility",
                        "PRIVATE",
                        "occurredAt",
                        "2024-01-03"))));
        ok(door.send(
                "seal-ann",
                "POST",
                base + "/reflections",
                Door.json(Map.of(
                        "reflectionId",
                        "r-team",
                        "text",
                        TEAM_TEXT,
                        "visibility",
                        "TEAM",
                        "occurredAt",
                        "2024-01-04"))));
        String v1Line = "{\"type\":\"ReflectionWritten\",\"schemaVersion\":1,"
                + "\"eventId\":\"6f1c2a3b-0000-4000-8000-000000000001\",\"data\":{\"projectId\":\"" + PROJECT
                + "\",\"occurredAt\":\"2024-01-05\",\"reflectionId\":\"r-imported\",\"authorId\":\"m-ann\",\"text\":\""
                + IMPORTED_TEXT + "\",\"visibility\":\"TEAM\"}}\n";
        ok(door.send(as, "POST", "/api/import", v1Line, "application/x-ndjson"));
    }

    @Test
    void noNameTurnSummaryOrNoteIsStoredInTheClear() {
        List<String> payloads = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(PROJECT)
                .query((rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8))
                .list();
        assertThat(payloads).hasSize(11).allSatisfy(payload -> assertThat(payload)
                .doesNotContain("Sealed-"));
        assertThat(payloads)
                .filteredOn(payload -> payload.contains("\"memberId\":\"m-ann\""))
                .anySatisfy(payload -> assertThat(payload).contains("\"name\":\"aead1:"))
                .anySatisfy(payload -> assertThat(payload).contains("\"summary\":\"aead1:"))
                .anySatisfy(payload -> assertThat(payload).contains("\"note\":\"aead1:"));
    }

    @Test
    void noReflectionTextIsStoredInTheClear() {
        List<String> payloads = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type = 'ReflectionWritten'")
                .param(PROJECT)
                .query((rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8))
                .list();
        String interview = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type = 'InterviewRecorded'")
                .param(PROJECT)
                .query((rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8))
                .single();
        assertThat(interview).contains("\"summary\":\"aead1:").doesNotContain(SUMMARY);
        assertThat(payloads).hasSize(3).allSatisfy(payload -> assertThat(payload)
                .contains("\"text\":\"aead1:")
                .doesNotContain(PRIVATE_TEXT)
                .doesNotContain(TEAM_TEXT)
                .doesNotContain(IMPORTED_TEXT));
    }

    @Test
    void theTimelineOpensTeamTextForTheTeamAndPrivateTextForItsAuthorOnly() {
        // The timeline is a read model: it holds the imported line once its processor has handled it.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> door.send("seal-viewer", "GET", "/api/projects/" + PROJECT + "/timeline", null)
                                .json()
                                .path("total")
                                .asInt()
                        == 11);
        String asViewer = door.send("seal-viewer", "GET", "/api/projects/" + PROJECT + "/timeline", null)
                .body();
        assertThat(asViewer)
                .contains(TEAM_TEXT)
                .contains(IMPORTED_TEXT)
                .contains(ANN)
                .contains(BEN)
                .contains(TURN)
                .contains(NOTE)
                .doesNotContain(PRIVATE_TEXT)
                .doesNotContain("aead1:");
        String asAnn = door.send("seal-ann", "GET", "/api/projects/" + PROJECT + "/timeline", null)
                .body();
        assertThat(asAnn).contains(TEAM_TEXT).contains(PRIVATE_TEXT);
    }

    @Test
    void theExportCarriesTheTextSealedAsVersion2AndItImportsBackAsItIs() throws Exception {
        String export = door.send("seal-coordinator", "GET", "/api/projects/" + PROJECT + "/events", null)
                .body();
        assertThat(export)
                .doesNotContain(PRIVATE_TEXT)
                .doesNotContain(TEAM_TEXT)
                .doesNotContain(IMPORTED_TEXT);
        List<JsonNode> reflections = export.lines()
                .map(line -> {
                    try {
                        return JSON.readTree(line);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .filter(line -> line.path("type").asText().equals("ReflectionWritten"))
                .toList();
        assertThat(reflections).hasSize(3).allSatisfy(line -> {
            assertThat(line.path("schemaVersion").asInt()).isEqualTo(2);
            assertThat(line.path("data").path("text").asText()).startsWith("aead1:");
        });

        Door.Answer again = door.send("seal-coordinator", "POST", "/api/import", export, "application/x-ndjson");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("imported").asLong()).isZero();
        assertThat(door.send("seal-coordinator", "GET", "/api/projects/" + PROJECT + "/events", null)
                        .body())
                .isEqualTo(export);
    }

    private static void ok(Door.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
    }
}

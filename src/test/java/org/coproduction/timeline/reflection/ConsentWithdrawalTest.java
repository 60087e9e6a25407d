package org.coproduction.timeline.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.access.Door;
import org.coproduction.timeline.privacy.MemberKeys;
import org.coproduction.timeline.privacy.WithdrawalsAfterImport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Once a member's withdrawal is recorded, nothing more about them is (each refusal names them by
 * pseudonym only), and their key is destroyed: what they wrote or said opens nowhere again.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class ConsentWithdrawalTest {

    static final String PROJECT = "consent-study";

    static final String ANNS_WORDS = "Ann-wrote-this-before-withdrawing-0b3c";
    static final String ANNS_INTERVIEW = "Ann-said-this-in-her-interview-5d21";
    static final String BENS_WORDS = "Ben-wrote-this-and-stays-6e90";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberKeys keys;

    @Autowired
    WithdrawalsAfterImport withdrawalsAfterImport;

    @Test
    void afterAWithdrawalNoTurnInfluenceReflectionOrInterviewIsRecordedForThatMember() {
        Door door = new Door(port);
        door.account("consent-coordinator");
        String as = "consent-coordinator";
        String base = "/api/projects/" + PROJECT;
        door.project(as, PROJECT);
        door.member(as, PROJECT, "m-ann", "Ann Archer", "CARER");
        door.member(as, PROJECT, "m-ben", "Ben Bishop", "CARER");
        created(door.send(
                as,
                "POST",
                base + "/meetings",
                Door.json(Map.of(
                        "meetingId",
                        "mtg-1",
                        "title",
                        "Team",
                        "kind",
                        "TEAM",
                        "attendees",
                        List.of("m-ann", "m-ben"),
                        "occurredAt",
                        "2024-02-01T10:00:00Z"))));
        created(door.send(
                as,
                "POST",
                base + "/decisions",
                Door.json(Map.of(
                        "decisionId",
                        "d-1",
                        "title",
                        "Vouchers",
                        "proposedBy",
                        "m-ben",
                        "occurredAt",
                        "2024-02-01T11:00:00Z"))));
        // Before withdrawing: Ann's diary (transcribed), her interview, and Ben's diary.
        created(door.send(
                as,
                "POST",
                base + "/reflections",
                Door.json(Map.of(
                        "reflectionId",
                        "r-ann",
                        "authorId",
                        "m-ann",
                        "text",
                        ANNS_WORDS,
                        "visibility",
                        "TEAM",
                        "transcribed",
                        true,
                        "occurredAt",
                        "2024-02-10"))));
        created(door.send(
                as,
                "POST",
                base + "/interviews",
                Door.json(Map.of(
                        "interviewId",
                        "int-ann",
                        "intervieweeId",
                        "m-ann",
                        "interviewerId",
                        "m-ben",
                        "summary",
                        ANNS_INTERVIEW,
                        "occurredAt",
                        "2024-02-11"))));
        created(door.send(
                as,
                "POST",
                base + "/reflections",
                Door.json(Map.of(
                        "reflectionId",
                        "r-ben",
                        "authorId",
                        "m-ben",
                        "text",
                        BENS_WORDS,
                        "visibility",
                        "TEAM",
                        "transcribed",
                        true,
                        "occurredAt",
                        "2024-02-12"))));
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        door.send(as, "GET", base + "/timeline", null).body().contains(ANNS_WORDS));
        created(door.send(
                as, "POST", base + "/members/m-ann/consent-withdrawal", Door.json(Map.of("occurredAt", "2024-03-01"))));

        List<Door.Answer> refused = List.of(
                door.send(
                        as,
                        "POST",
                        base + "/meetings/mtg-1/contributions",
                        Door.json(Map.of(
                                "contributionId",
                                "c-1",
                                "memberId",
                                "m-ann",
                                "category",
                                "AGREES",
                                "occurredAt",
                                "2024-02-01T10:05:00Z"))),
                door.send(
                        as,
                        "POST",
                        base + "/decisions/d-1/influences",
                        Door.json(Map.of(
                                "influenceId",
                                "i-1",
                                "memberId",
                                "m-ann",
                                "kind",
                                "SUPPORTED",
                                "occurredAt",
                                "2024-02-01T11:30:00Z"))),
                door.send(
                        as,
                        "POST",
                        base + "/reflections",
                        Door.json(Map.of(
                                "authorId",
                                "m-ann",
                                "text",
                                "Written later",
                                "visibility",
                                "PRIVATE",
                                "transcribed",
                                true,
                                "occurredAt",
                                "2024-02-02"))),
                door.send(
                        as,
                        "POST",
                        base + "/interviews",
                        Door.json(Map.of(
                                "intervieweeId",
                                "m-ann",
                                "interviewerId",
                                "m-ben",
                                "summary",
                                "Later",
                                "occurredAt",
                                "2024-02-03"))));
        for (Door.Answer answer : refused) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            assertThat(answer.json().path("detail").asText()).startsWith("Withdrawn member 1 withdrew consent");
            assertThat(answer.body()).doesNotContain("m-ann").doesNotContain("Ann");
        }
        // Her key is destroyed: her text and interview summary open nowhere again; Ben's still do.
        assertThat(jdbc.sql("SELECT keyset IS NULL AND destroyed_at IS NOT NULL FROM member_key"
                                + " WHERE project_id = ? AND member_id = 'm-ann'")
                        .param(PROJECT)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String timeline = door.send(as, "GET", base + "/timeline", null).body();
            assertThat(timeline)
                    .doesNotContain(ANNS_WORDS)
                    .doesNotContain(ANNS_INTERVIEW)
                    .contains("\"textWithdrawn\":true")
                    .contains("\"summaryWithdrawn\":true")
                    .contains(BENS_WORDS);
        });
        // Ben goes on as before.
        created(door.send(
                as,
                "POST",
                base + "/meetings/mtg-1/contributions",
                Door.json(Map.of(
                        "contributionId",
                        "c-2",
                        "memberId",
                        "m-ben",
                        "category",
                        "AGREES",
                        "occurredAt",
                        "2024-02-01T10:06:00Z"))));
    }

    @Test
    void aWithdrawalInAnImportedFileDestroysTheKeyOnceTheFileIsStored() {
        Door door = new Door(port);
        door.account("consent-importer");
        String project = "consent-imported";
        String file = String.join(
                        "\n",
                        "{\"type\":\"ProjectRegistered\",\"data\":{\"projectId\":\"" + project
                                + "\",\"occurredAt\":\"2024-01-01\",\"title\":\"Imported\"}}",
                        "{\"type\":\"MemberJoined\",\"data\":{\"projectId\":\"" + project
                                + "\",\"occurredAt\":\"2024-01-02\",\"memberId\":\"m-cy\",\"name\":\"Cy Carter\","
                                + "\"role\":\"RESEARCHER\",\"perspectives\":[\"CARER\"]}}",
                        "{\"type\":\"ReflectionWritten\",\"data\":{\"projectId\":\"" + project
                                + "\",\"occurredAt\":\"2024-01-03\",\"reflectionId\":\"r-cy\",\"authorId\":\"m-cy\","
                                + "\"text\":\"Cy-wrote-this-2f8a\",\"visibility\":\"TEAM\"}}",
                        "{\"type\":\"ConsentWithdrawn\",\"data\":{\"projectId\":\"" + project
                                + "\",\"occurredAt\":\"2024-02-01\",\"memberId\":\"m-cy\"}}")
                + "\n";

        Door.Answer imported = door.send("consent-importer", "POST", "/api/import", file, "application/x-ndjson");

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT keyset IS NULL FROM member_key WHERE project_id = ? AND member_id = 'm-cy'")
                        .param(project)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM withdrawal_pending WHERE project_id = ?")
                        .param(project)
                        .query(Long.class)
                        .single())
                .as("the withdrawal waited for the import's commit, and no longer")
                .isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        door.send("consent-importer", "GET", "/api/projects/" + project + "/timeline", null)
                                .body())
                .contains("\"textWithdrawn\":true")
                .doesNotContain("Cy-wrote-this-2f8a"));
    }

    /**
     * An import into an H2 file that committed a withdrawal and stopped before destroying the key
     * leaves it waiting; the next start destroys it before anything is served.
     */
    @Test
    void aWithdrawalLeftWaitingByAStopAfterTheImportCommittedIsFinishedAtTheNextStart() {
        String project = "consent-waiting";
        assertThat(keys.forWriting(project, "m-di")).isPresent();
        jdbc.sql("INSERT INTO withdrawal_pending (project_id, member_id) VALUES (?, 'm-di')")
                .param(project)
                .update();

        withdrawalsAfterImport.afterSingletonsInstantiated();

        assertThat(keys.isDestroyed(project, "m-di")).isTrue();
        assertThat(keys.withdrawalNumber(project, "m-di")).contains(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM withdrawal_pending")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static void created(Door.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }
}

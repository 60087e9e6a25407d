package org.coproduction.timeline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.access.Door;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A member who withdrew consent is shown by their pseudonym in every view (timeline, decisions and
 * their influencers, provenance, participation, replay, the report), their name, turn summaries and
 * notes are gone from every view and from every table of the database, and a read model rebuilt
 * from the store shows the same.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WithdrawnMemberTest {

    static final String PROJECT = "withdrawn-study";
    static final String BASE = "/api/projects/" + PROJECT;
    static final String AS = "withdrawn-coordinator";
    static final String CARA = "Cara Withdrawn-Marker-e41f";
    static final String CARAS_TURN = "Cara-turn-marker-8a2d";
    static final String CARAS_NOTE = "Cara-note-marker-0c77";
    static final String DAN = "Dan Stays-Named-31b9";

    /** Every view a team member reads about the project. */
    static final List<String> VIEWS = List.of(
            BASE,
            BASE + "/timeline?size=200",
            BASE + "/decisions",
            BASE + "/decisions/d-1/influencers",
            BASE + "/decisions/d-1/provenance",
            BASE + "/influence",
            BASE + "/participation?by=project",
            BASE + "/members/m-cara/trajectory",
            BASE + "/replay",
            BASE + "/report?format=md",
            BASE + "/report?format=html",
            BASE + "/report?format=json",
            BASE + "/events");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Door door;

    @BeforeAll
    void caraSpeaksInfluencesAndWithdraws() {
        door = new Door(port);
        door.account(AS);
        door.project(AS, PROJECT);
        door.member(AS, PROJECT, "m-cara", CARA, "SERVICE_USER");
        door.member(AS, PROJECT, "m-dan", DAN, "ACADEMIC");
        ok(door.send(
                AS,
                "POST",
                BASE + "/phases",
                Door.json(Map.of("phaseId", "p-1", "name", "Design", "occurredAt", "2024-01-02"))));
        ok(door.send(
                AS,
                "POST",
                BASE + "/meetings",
                Door.json(Map.of(
                        "meetingId",
                        "mt-1",
                        "occurredAt",
                        "2024-01-03T10:00:00Z",
                        "title",
                        "Design meeting",
                        "kind",
                        "TEAM",
                        "attendees",
                        List.of("m-cara", "m-dan")))));
        ok(door.send(
                AS,
                "POST",
                BASE + "/decisions",
                Door.json(Map.of(
                        "decisionId",
                        "d-1",
                        "occurredAt",
                        "2024-01-03T10:00:00Z",
                        "title",
                        "Recruit through carers' groups",
                        "proposedBy",
                        "m-dan"))));
        ok(door.send(
                AS,
                "POST",
                BASE + "/meetings/mt-1/contributions",
                Door.json(Map.of(
                        "contributionId",
                        "c-1",
                        "occurredAt",
                        "2024-01-03T10:05:00Z",
                        "memberId",
                        "m-cara",
                        "category",
                        "GIVES_OPINION",
                        "decisionId",
                        "d-1",
                        "summary",
                        CARAS_TURN))));
        ok(door.send(
                AS,
                "POST",
                BASE + "/decisions/d-1/influences",
                Door.json(Map.of(
                        "influenceId",
                        "i-1",
                        "occurredAt",
                        "2024-01-03T10:06:00Z",
                        "memberId",
                        "m-cara",
                        "kind",
                        "AMENDED",
                        "contributionId",
                        "c-1",
                        "note",
                        CARAS_NOTE))));
        ok(door.send(
                AS,
                "POST",
                BASE + "/decisions/d-1/outcome",
                Door.json(Map.of(
                        "occurredAt",
                        "2024-01-04",
                        "outcome",
                        "Recruit through carers' groups",
                        "method",
                        "CONSENSUS",
                        "decidedBy",
                        List.of("m-cara", "m-dan")))));
        // Before she withdraws, every read model has her name.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(view(BASE + "/timeline?size=200")).contains(CARA).contains(CARAS_NOTE);
            assertThat(view(BASE + "/decisions/d-1/influencers")).contains(CARA);
            assertThat(view(BASE + "/participation?by=project")).contains(CARA);
        });
        ok(door.send(
                AS,
                "POST",
                BASE + "/members/m-cara/consent-withdrawal",
                Door.json(Map.of("occurredAt", "2024-02-01"))));
    }

    @Test
    void everyViewShowsHerPseudonymAndNothingSheSaidOrWasCalled() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String path : VIEWS) {
                String body = view(path);
                assertThat(body)
                        .as(path)
                        .doesNotContain("Withdrawn-Marker")
                        .doesNotContain(CARAS_TURN)
                        .doesNotContain(CARAS_NOTE);
            }
            for (String path : List.of(
                    BASE + "/timeline?size=200",
                    BASE + "/decisions/d-1/influencers",
                    BASE + "/participation?by=project",
                    BASE + "/replay",
                    BASE + "/report?format=md")) {
                assertThat(view(path)).as(path).contains("Withdrawn member 1").contains(DAN);
            }
        });
    }

    @Test
    void noTableOfTheDatabaseHoldsHerNameTurnOrNote() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(tablesHolding("Withdrawn-Marker", CARAS_TURN, CARAS_NOTE))
                        .isEmpty());
        // Nobody's name is in the clear in any table, his neither: the read models keep names sealed.
        // What is in the clear is found (the scan finds what is there): a decision's title.
        assertThat(tablesHolding(DAN)).isEmpty();
        assertThat(tablesHolding("Recruit through carers")).contains("INFLUENCE_DECISION.LABEL");
    }

    @Test
    void readModelsRebuiltFromTheStoreShowThePseudonym() {
        for (String model : List.of("timeline", "influence", "participation")) {
            Door.Answer rebuild = door.send(Door.ADMIN, "POST", "/api/admin/projections/" + model + "/rebuild", null);
            assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(view(BASE + "/timeline?size=200"))
                    .contains("Withdrawn member 1")
                    .contains(DAN);
            assertThat(view(BASE + "/decisions/d-1/influencers")).contains("Withdrawn member 1");
            assertThat(view(BASE + "/participation?by=project")).contains("Withdrawn member 1");
        });
        assertThat(tablesHolding("Withdrawn-Marker", CARAS_TURN, CARAS_NOTE)).isEmpty();
    }

    private String view(String path) {
        Door.Answer answer = door.send(AS, "GET", path, null);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** Every column of every table, text or bytes, that holds one of the markers: "TABLE.COLUMN". */
    private List<String> tablesHolding(String... markers) {
        List<String> found = new ArrayList<>();
        jdbc.query(
                "SELECT table_name, column_name, data_type FROM information_schema.columns"
                        + " WHERE table_schema = 'PUBLIC' AND data_type IN ('CHARACTER VARYING', 'CHARACTER',"
                        + " 'CHARACTER LARGE OBJECT', 'BINARY VARYING', 'BINARY LARGE OBJECT')",
                row -> {
                    String table = row.getString(1);
                    String column = row.getString(2);
                    boolean binary = row.getString(3).startsWith("BINARY");
                    jdbc.query("SELECT \"" + column + "\" FROM \"" + table + "\"", value -> {
                        String text = binary
                                ? new String(
                                        value.getBytes(1) == null ? new byte[0] : value.getBytes(1),
                                        StandardCharsets.UTF_8)
                                : value.getString(1);
                        for (String marker : markers) {
                            if (text != null && text.contains(marker)) {
                                found.add(table + "." + column);
                            }
                        }
                    });
                });
        return found.stream().distinct().toList();
    }

    private static void ok(Door.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
    }
}

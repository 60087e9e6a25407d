package org.coproduction.timeline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.access.Door;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A member who withdraws consent with scope ALL leaves every figure and list: no view names her,
 * by id or by pseudonym, her turns, influences, attendance and place among the deciders count for
 * nothing, a decision she proposed stays without a proposer; and the record as known before the
 * withdrawal was recorded still holds what she did, under her pseudonym. Read models rebuilt from
 * the store answer the same.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WithdrawnFromEverythingTest {

    static final String PROJECT = "withdrawn-all-study";
    static final String BASE = "/api/projects/" + PROJECT;
    static final String AS = "withdrawn-all-coordinator";
    static final String EVA = "Eva Leaves-Everything-7d21";
    static final String FIN = "Fin Stays-Counted-48ac";

    /** Every view of the project a team member reads (the export is the backup, and keeps every event). */
    static final List<String> VIEWS = List.of(
            BASE,
            BASE + "/timeline?size=200",
            BASE + "/decisions",
            BASE + "/decisions/d-1/influencers",
            BASE + "/decisions/d-2/influencers",
            BASE + "/decisions/d-1/provenance",
            BASE + "/decisions/d-2/provenance",
            BASE + "/influence",
            BASE + "/participation?by=project",
            BASE + "/participation?by=phase",
            BASE + "/replay",
            BASE + "/report?format=md",
            BASE + "/report?format=json",
            "/api/projects");

    @LocalServerPort
    int port;

    Door door;
    Instant beforeWithdrawal;

    @BeforeAll
    void evaTakesPartThenWithdrawsEverything() {
        door = new Door(port);
        door.account(AS);
        door.project(AS, PROJECT);
        door.member(AS, PROJECT, "m-eva", EVA, "SERVICE_USER");
        door.member(AS, PROJECT, "m-fin", FIN, "ACADEMIC");
        post("/phases", Map.of("phaseId", "p-1", "name", "Design", "occurredAt", "2024-01-02"));
        post(
                "/meetings",
                Map.of(
                        "meetingId",
                        "mt-1",
                        "occurredAt",
                        "2024-01-03T10:00:00Z",
                        "title",
                        "Design meeting",
                        "kind",
                        "TEAM",
                        "attendees",
                        List.of("m-eva", "m-fin")));
        post(
                "/decisions",
                Map.of(
                        "decisionId",
                        "d-1",
                        "occurredAt",
                        "2024-01-03T10:00:00Z",
                        "title",
                        "Recruit through carers' groups",
                        "proposedBy",
                        "m-fin"));
        post(
                "/decisions",
                Map.of(
                        "decisionId",
                        "d-2",
                        "occurredAt",
                        "2024-01-03T10:01:00Z",
                        "title",
                        "Pay members for their time",
                        "proposedBy",
                        "m-eva"));
        turn("c-1", "m-eva", "2024-01-03T10:05:00Z");
        turn("c-2", "m-eva", "2024-01-03T10:06:00Z");
        turn("c-3", "m-fin", "2024-01-03T10:07:00Z");
        post(
                "/decisions/d-1/influences",
                Map.of(
                        "influenceId",
                        "i-1",
                        "occurredAt",
                        "2024-01-03T10:08:00Z",
                        "memberId",
                        "m-eva",
                        "kind",
                        "LIVED_EXPERIENCE",
                        "contributionId",
                        "c-1"));
        post(
                "/decisions/d-1/outcome",
                Map.of(
                        "occurredAt",
                        "2024-01-04",
                        "outcome",
                        "Recruit through carers' groups",
                        "method",
                        "CONSENSUS",
                        "decidedBy",
                        List.of("m-eva", "m-fin")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(view(BASE + "/timeline?size=200")).contains(EVA);
            assertThat(view(BASE + "/decisions/d-1/influencers")).contains(EVA);
            assertThat(view(BASE + "/participation?by=project")).contains(EVA);
            assertThat(view("/api/projects")).contains("\"members\":2");
        });
        beforeWithdrawal = Instant.now();
        Door.Answer withdrawn = door.send(
                AS,
                "POST",
                BASE + "/members/m-eva/consent-withdrawal",
                Door.json(Map.of("occurredAt", "2024-02-01", "scope", "ALL")));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(201);
        assertThat(withdrawn.json().path("pseudonym").asText()).isEqualTo("Withdrawn member 1");
    }

    @Test
    void noViewNamesHerByIdOrPseudonym() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(this::sheIsNowhere);
    }

    @Test
    void herTurnsInfluencesAttendanceAndDecidingCountForNothing() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(this::onlyFinCounts);
    }

    @Test
    void theRecordAsKnownBeforeTheWithdrawalStillHoldsWhatSheDidUnderHerPseudonym() {
        String knownAt = "knownAt=" + URLEncoder.encode(beforeWithdrawal.toString(), StandardCharsets.UTF_8);
        String participation = view(BASE + "/participation?by=project&" + knownAt);
        assertThat(participation)
                .contains("m-eva")
                .contains("Withdrawn member 1")
                .doesNotContain(EVA);
        JsonNode d1 = door.send(AS, "GET", BASE + "/decisions/d-1/influencers?" + knownAt, null)
                .json();
        assertThat(d1.path("decidedBy").toString()).contains("m-eva");
        assertThat(d1.path("influencers").toString()).contains("m-eva");
        JsonNode d2 = door.send(AS, "GET", BASE + "/decisions/d-2/influencers?" + knownAt, null)
                .json();
        assertThat(d2.path("proposedBy").asText()).isEqualTo("m-eva");
    }

    @Test
    void readModelsRebuiltFromTheStoreLeaveHerOutToo() {
        for (String model : List.of("timeline", "influence", "participation", "projects")) {
            Door.Answer rebuild = door.send(Door.ADMIN, "POST", "/api/admin/projections/" + model + "/rebuild", null);
            assertThat(rebuild.status()).as(model + ": " + rebuild.body()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(view(BASE + "/timeline?size=200")).contains(FIN);
            sheIsNowhere();
            onlyFinCounts();
        });
    }

    private void sheIsNowhere() {
        for (String path : VIEWS) {
            assertThat(view(path))
                    .as(path)
                    .doesNotContain("m-eva")
                    .doesNotContain("Leaves-Everything")
                    .doesNotContain("Withdrawn member 1");
        }
        assertThat(door.send(AS, "GET", BASE + "/members/m-eva/trajectory", null)
                        .status())
                .isEqualTo(404);
    }

    private void onlyFinCounts() {
        JsonNode d1 =
                door.send(AS, "GET", BASE + "/decisions/d-1/influencers", null).json();
        assertThat(d1.path("decidedBy").toString()).isEqualTo("[\"m-fin\"]");
        assertThat(d1.path("influencers").findValuesAsText("memberId")).containsExactly("m-fin");
        JsonNode d2 =
                door.send(AS, "GET", BASE + "/decisions/d-2/influencers", null).json();
        assertThat(d2.path("title").asText()).isEqualTo("Pay members for their time");
        assertThat(d2.hasNonNull("proposedBy")).as(d2.toString()).isFalse();
        assertThat(d2.path("influencers").size()).isZero();
        JsonNode members = door.send(AS, "GET", BASE + "/participation?by=project", null)
                .json()
                .path("windows")
                .get(0)
                .path("members");
        assertThat(members.findValuesAsText("memberId")).containsExactly("m-fin");
        assertThat(view("/api/projects")).contains("\"members\":1");
        JsonNode timeline =
                door.send(AS, "GET", BASE + "/timeline?size=200", null).json();
        assertThat(timeline.path("entries").findValuesAsText("type"))
                .containsOnly(
                        "ProjectRegistered",
                        "MemberJoined",
                        "PhaseStarted",
                        "MeetingHeld",
                        "DecisionProposed",
                        "ContributionRecorded",
                        "DecisionMade")
                .filteredOn("ContributionRecorded"::equals)
                .hasSize(1);
    }

    private void turn(String contributionId, String memberId, String at) {
        post(
                "/meetings/mt-1/contributions",
                Map.of(
                        "contributionId",
                        contributionId,
                        "occurredAt",
                        at,
                        "memberId",
                        memberId,
                        "category",
                        "GIVES_OPINION",
                        "decisionId",
                        "d-1"));
    }

    private void post(String path, Map<String, Object> body) {
        Door.Answer answer = door.send(AS, "POST", BASE + path, Door.json(body));
        assertThat(answer.status()).as(path + ": " + answer.body()).isBetween(200, 299);
    }

    private String view(String path) {
        Door.Answer answer = door.send(AS, "GET", path, null);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }
}

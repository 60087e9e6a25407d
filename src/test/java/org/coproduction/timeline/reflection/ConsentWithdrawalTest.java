package org.coproduction.timeline.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.List;
import java.util.Map;
import org.coproduction.timeline.access.Door;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Once a member's withdrawal is recorded, nothing more about them is: each refusal names them by pseudonym only. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class ConsentWithdrawalTest {

    static final String PROJECT = "consent-study";

    @LocalServerPort
    int port;

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

    private static void created(Door.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }
}

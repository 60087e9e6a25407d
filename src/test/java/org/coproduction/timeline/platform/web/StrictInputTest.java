package org.coproduction.timeline.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.Map;
import org.coproduction.timeline.access.Door;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API takes exactly the contract: what it accepts exports and imports again, and what it
 * refuses is a 400 naming the field, in words (no Java type), with at most 200 characters of what
 * was sent.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputTest {

    static final String PROJECT = "strict-study";
    static final String AS = Door.ADMIN;

    @LocalServerPort
    int port;

    Door door;

    @BeforeAll
    void aProject() {
        door = new Door(port);
        Door.Answer registered = door.send(
                AS,
                "POST",
                "/api/projects",
                Door.json(Map.of("projectId", PROJECT, "title", "Strict", "occurredAt", "2024-01-01")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    private Door.Answer phase(String body) {
        return door.send(AS, "POST", "/api/projects/" + PROJECT + "/phases", body);
    }

    private static void refused(Door.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(answer.body())
                .doesNotContain("java.")
                .doesNotContain("org.coproduction")
                .doesNotContain("`");
    }

    @Test
    void aDateOutsideTheSchemasFormIsRefusedNamingItsField() {
        refused(phase("{\"name\":\"Far\",\"occurredAt\":\"+999999999-12-31T23:59:59Z\"}"), "occurredAt");
        refused(phase("{\"name\":\"Far\",\"occurredAt\":\"12024-01-01\"}"), "occurredAt");
        refused(
                door.send(
                        AS,
                        "GET",
                        "/api/projects/" + PROJECT + "/participation?asOf=%2B999999999-12-31T23:59:59Z",
                        null),
                "asOf");
        refused(door.send(AS, "GET", "/api/projects/" + PROJECT + "/timeline?from=-0001-01-01", null), "from");
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnce() {
        Door.Answer answer = door.send(
                AS,
                "POST",
                "/api/projects/" + PROJECT + "/members",
                "{\"memberId\":\"no spaces allowed\",\"name\":\" \",\"role\":\"researcher\","
                        + "\"perspectives\":[\"LIVED_EXPERIENCE\",\"nope\"],\"occurredAt\":\"2024-13-01\"}");

        refused(answer, "occurredAt");
        assertThat(answer.json().path("errors").findValuesAsText("field"))
                .containsExactly("occurredAt", "memberId", "name", "role", "perspectives[1]");
        assertThat(answer.json().path("detail").asText())
                .contains("occurredAt must be a date")
                .contains("name must not be blank");
        assertThat(door.send(AS, "GET", "/api/projects/" + PROJECT + "/timeline", null)
                        .body())
                .as("nothing recorded")
                .doesNotContain("no spaces allowed");
    }

    @Test
    void everyFieldOfTheWrongKindIsNamedAtOnce() {
        Door.Answer answer = door.send(
                AS,
                "POST",
                "/api/projects/" + PROJECT + "/members",
                "{\"memberId\":7,\"name\":{\"first\":\"Ann\"},\"role\":\"RESEARCHER\","
                        + "\"perspectives\":[\"CARER\",[]],\"occurredAt\":true}");

        refused(answer, "memberId");
        assertThat(answer.json().path("errors").findValuesAsText("field"))
                .containsExactly("memberId", "name", "perspectives[1]", "occurredAt");
        assertThat(answer.json().path("errors").findValuesAsText("message"))
                .containsExactly("must be text (not 7)", "must be text", "must be text", "must be text (not true)");
    }

    @Test
    void aRequestTooLargeForTheServerIsRefusedInTheSameForm() {
        Door.Answer answer =
                door.send(AS, "GET", "/api/projects/" + PROJECT + "/timeline?from=" + "y".repeat(20_000), null);

        refused(answer, "request");
        assertThat(answer.body()).doesNotContain("<html").doesNotContain("yyyyyyyy");
    }

    @Test
    void duplicateKeysAndTrailingContentAreRefused() {
        refused(phase("{\"name\":\"A\",\"name\":\"B\",\"occurredAt\":\"2024-02-01\"}"), "body");
        refused(phase("{\"name\":\"A\",\"occurredAt\":\"2024-02-01\"} {\"name\":\"B\"}"), "body");
    }

    @Test
    void aNumberIsNotTakenForTextAndTheAnswerSaysWhatWasExpected() {
        Door.Answer answer = phase("{\"name\":42,\"occurredAt\":\"2024-02-01\"}");
        refused(answer, "name");
        assertThat(answer.json().path("errors").get(0).path("message").asText()).isEqualTo("must be text (not 42)");
    }

    @Test
    void aHugeBadValueIsNotEchoedBack() {
        String huge = "Z".repeat(1_000_000);
        Door.Answer answer = door.send(
                AS,
                "POST",
                "/api/projects/" + PROJECT + "/meetings",
                "{\"title\":\"T\",\"attendees\":[],\"kind\":\"" + huge + "\"}");
        refused(answer, "kind");
        assertThat(answer.body().length()).isLessThan(2_000);
    }

    @Test
    void theImportTakesJsonLinesOnlySoNoPageCanPostOneWithoutAsking() {
        String line =
                "{\"type\":\"ProjectRegistered\",\"data\":{\"projectId\":\"strict-import\",\"occurredAt\":\"2024-01-01\","
                        + "\"title\":\"T\"}}\n";
        assertThat(door.send(AS, "POST", "/api/import", line, "text/plain").status())
                .isEqualTo(415);
        assertThat(door.send(AS, "POST", "/api/import", line, "application/x-www-form-urlencoded")
                        .status())
                .isEqualTo(415);
        assertThat(door.send(AS, "POST", "/api/import", line, "application/x-ndjson")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedButTabsLineBreaksAndEmojiAreText() {
        refused(phase("{\"name\":\"Design\\u0001\",\"occurredAt\":\"2024-02-01\"}"), "name");
        refused(phase("{\"name\":\"Design \\ud800 phase\",\"occurredAt\":\"2024-02-01\"}"), "name");
        Door.Answer accepted = door.send(
                AS,
                "POST",
                "/api/projects",
                Door.json(Map.of(
                        "projectId", "strict-text",
                        "title", "Tabs\tand\nlines, and an emoji \uD83D\uDE42 with Łucja",
                        "occurredAt", "2024-01-01")));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }
}

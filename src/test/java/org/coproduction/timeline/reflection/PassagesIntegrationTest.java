package org.coproduction.timeline.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.access.Door;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Coding passages over HTTP: offsets in code points held to the text the adapter opens, a private
 * reflection coded by its author alone (404 for anyone else, as for a reflection not recorded), a
 * later coding replacing an earlier one and no code clearing it, and the texts each reader may read.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PassagesIntegrationTest {

    static final String PROJECT = "passage-study";
    static final String P = "/api/projects/" + PROJECT;
    /** 🌱 is one code point and two UTF-16 units: "heard" is code points 8 to 13. */
    static final String TEAM_TEXT = "🌱 I was heard at last.";

    static final String PRIVATE_TEXT = "Only mine to read.";

    @LocalServerPort
    int port;

    Door door;

    @BeforeAll
    void aTeamWithTextsToCode() {
        door = new Door(port);
        for (String name : List.of("ps-coord", "ps-ann", "ps-ben", "ps-rec")) {
            door.account(name);
        }
        door.project("ps-coord", PROJECT);
        door.member("ps-coord", PROJECT, "m-ann", "Ann Archer", "SERVICE_USER");
        door.member("ps-coord", PROJECT, "m-ben", "Ben Bishop", "ACADEMIC");
        door.grant("ps-coord", PROJECT, "ps-ann", "MEMBER", "m-ann");
        door.grant("ps-coord", PROJECT, "ps-ben", "MEMBER", "m-ben");
        door.grant("ps-coord", PROJECT, "ps-rec", "RECORDER", null);
        created(post(
                "ps-ann",
                "/reflections",
                Map.of("reflectionId", "r-team", "text", TEAM_TEXT, "visibility", "TEAM", "occurredAt", "2024-02-01")));
        created(post(
                "ps-ann",
                "/reflections",
                Map.of(
                        "reflectionId",
                        "r-private",
                        "text",
                        PRIVATE_TEXT,
                        "visibility",
                        "PRIVATE",
                        "occurredAt",
                        "2024-02-02")));
        created(post(
                "ps-coord",
                "/interviews",
                Map.of(
                        "interviewId",
                        "i-1",
                        "intervieweeId",
                        "m-ben",
                        "interviewerId",
                        "m-ann",
                        "summary",
                        "Ben on being paid.",
                        "occurredAt",
                        "2024-02-03")));
        created(post(
                "ps-coord",
                "/interviews",
                Map.of(
                        "interviewId",
                        "i-bare",
                        "intervieweeId",
                        "m-ann",
                        "interviewerId",
                        "m-ben",
                        "occurredAt",
                        "2024-02-03")));
    }

    @Test
    void aPassageIsCountedInCodePointsAndHeldToItsText() {
        created(post(
                "ps-ben",
                "/reflections/r-team/passages",
                Map.of("start", 8, "end", 13, "codes", List.of("being heard"), "occurredAt", "2024-03-01")));
        // 🌱 I was heard at last. has 22 code points (23 UTF-16 units).
        Door.Answer beyond = post(
                "ps-ben",
                "/reflections/r-team/passages",
                Map.of("start", 20, "end", 23, "codes", List.of("being heard")));
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.body())
                .contains("\"field\":\"end\"")
                .contains("must be at most 22 (the text has 22 characters)");
        created(post(
                "ps-ben",
                "/reflections/r-team/passages",
                Map.of("start", 20, "end", 22, "codes", List.of("ending"), "occurredAt", "2024-03-01")));

        Door.Answer backwards =
                post("ps-ben", "/reflections/r-team/passages", Map.of("start", 5, "end", 5, "codes", List.of()));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"field\":\"end\"");

        JsonNode text = text("ps-ben", "REFLECTION", "r-team");
        assertThat(text.get("by").asText()).isEqualTo("Ann Archer");
        assertThat(text.get("text").asText()).isEqualTo(TEAM_TEXT);
        JsonNode heard = passage(text, 8);
        assertThat(heard.get("end").asInt()).isEqualTo(13);
        assertThat(heard.get("codedBy").asText()).isEqualTo("m-ben");
        String cut = new String(TEAM_TEXT.codePoints().skip(8).limit(5).toArray(), 0, 5);
        assertThat(cut).isEqualTo("heard");
    }

    @Test
    void aLaterCodingReplacesTheEarlierAndNoCodeClearsIt() {
        created(post(
                "ps-ann",
                "/interviews/i-1/passages",
                Map.of("start", 0, "end", 3, "codes", List.of("payment"), "occurredAt", "2024-03-01")));
        created(post(
                "ps-ann",
                "/interviews/i-1/passages",
                Map.of("start", 0, "end", 3, "codes", List.of("payment", "fairness"), "occurredAt", "2024-03-02")));
        assertThat(passage(text("ps-ann", "INTERVIEW", "i-1"), 0).get("codes"))
                .extracting(JsonNode::asText)
                .containsExactly("payment", "fairness");
        // As of the first day, the first coding.
        assertThat(passage(text("ps-ann", "INTERVIEW", "i-1", "?asOf=2024-03-01T12:00:00Z"), 0)
                        .get("codes"))
                .extracting(JsonNode::asText)
                .containsExactly("payment");
        created(post(
                "ps-ann",
                "/interviews/i-1/passages",
                Map.of("start", 0, "end", 3, "codes", List.of(), "occurredAt", "2024-03-03")));
        assertThat(text("ps-ann", "INTERVIEW", "i-1").get("passages")).isEmpty();

        JsonNode codebook = door.send("ps-ann", "GET", P + "/codebook?asOf=2024-03-02T12:00:00Z", null)
                .json();
        assertThat(codebook.toString()).contains("\"code\":\"fairness\"");
    }

    @Test
    void aPrivateReflectionIsReadAndCodedByItsAuthorAlone() {
        Door.Answer byBen = post(
                "ps-ben",
                "/reflections/r-private/passages",
                Map.of("start", 0, "end", 4, "codes", List.of("ownership")));
        Door.Answer absent = post(
                "ps-ben", "/reflections/r-none/passages", Map.of("start", 0, "end", 4, "codes", List.of("ownership")));
        assertThat(byBen.status()).isEqualTo(404);
        assertThat(absent.status()).isEqualTo(404);
        // The same words: nothing tells a private diary from one never written.
        assertThat(byBen.body().replace("r-private", "X"))
                .isEqualTo(absent.body().replace("r-none", "X"));
        // A recorder naming the author cannot read it either.
        assertThat(post(
                                "ps-rec",
                                "/reflections/r-private/passages",
                                Map.of("start", 0, "end", 4, "codes", List.of("ownership"), "codedBy", "m-ann"))
                        .status())
                .isEqualTo(404);
        // The length is never told to who may not read it.
        assertThat(post(
                                "ps-ben",
                                "/reflections/r-private/passages",
                                Map.of("start", 0, "end", 400, "codes", List.of("ownership")))
                        .body())
                .doesNotContain("characters");

        created(post(
                "ps-ann",
                "/reflections/r-private/passages",
                Map.of("start", 0, "end", 4, "codes", List.of("ownership"), "occurredAt", "2024-03-01")));
        assertThat(ids(door.send("ps-ann", "GET", P + "/texts", null).json())).contains("r-private");
        assertThat(ids(door.send("ps-ben", "GET", P + "/texts", null).json()))
                .contains("r-team", "i-1")
                .doesNotContain("r-private", "i-bare");
    }

    @Test
    void anInterviewWithoutSummaryHasNoPassageToCode() {
        Door.Answer answer =
                post("ps-ann", "/interviews/i-bare/passages", Map.of("start", 0, "end", 1, "codes", List.of("x")));
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body()).contains("\"field\":\"sourceId\"").contains("has no summary");
    }

    @Test
    void aMemberCodesInTheirOwnName() {
        Door.Answer answer = post(
                "ps-ben",
                "/reflections/r-team/passages",
                Map.of("start", 0, "end", 1, "codes", List.of("x"), "codedBy", "m-ann"));
        assertThat(answer.status()).isEqualTo(403);
    }

    private Door.Answer post(String who, String path, Map<String, Object> body) {
        return door.send(who, "POST", P + path, Door.json(body));
    }

    private static void created(Door.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private JsonNode text(String who, String source, String id) {
        return text(who, source, id, "");
    }

    private JsonNode text(String who, String source, String id, String query) {
        for (JsonNode text :
                door.send(who, "GET", P + "/texts" + query, null).json().get("texts")) {
            if (text.get("source").asText().equals(source)
                    && text.get("sourceId").asText().equals(id)) {
                return text;
            }
        }
        throw new AssertionError(source + " " + id + " is not among the texts " + who + " may read");
    }

    private static JsonNode passage(JsonNode text, int start) {
        for (JsonNode passage : text.get("passages")) {
            if (passage.get("start").asInt() == start) {
                return passage;
            }
        }
        throw new AssertionError("no passage from " + start + " in " + text);
    }

    private static List<String> ids(JsonNode texts) {
        List<String> ids = new java.util.ArrayList<>();
        texts.get("texts").forEach(t -> ids.add(t.get("sourceId").asText()));
        return ids;
    }
}

package org.coproduction.timeline.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.access.Door;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A meeting's transcript in: speakers read and mapped (and remembered), each speech a turn with its
 * words sealed, nothing stored when a line is wrong, and each turn coded afterwards.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class TranscriptIntegrationTest {

    static final String AS = "transcript-coordinator";

    static final String VTT =
            """
            WEBVTT

            NOTE Teams transcript, accents and emoji kept

            1
            00:00:04.000 --> 00:00:07.250
            <v Zoë Ólafsdóttir 🌻>Could we meet at the café instead? ☕ Evenings suit carers.</v>

            2
            00:00:07.250 --> 00:00:09.000
            <v Tomás Brennan>Yes &amp; let's ask the group.</v>

            3
            00:00:09.000 --> 00:00:12.000
            <v Zoë Ólafsdóttir 🌻>I'll write to them.</v>
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Door door;
    String project;
    String base;

    @BeforeEach
    void aProjectWithAMeeting() {
        door = new Door(port);
        project = "transcripts-" + System.nanoTime();
        base = "/api/projects/" + project;
        if (jdbc.sql("SELECT COUNT(*) FROM account WHERE username = ?")
                        .param(AS)
                        .query(Long.class)
                        .single()
                == 0) {
            door.account(AS);
        }
        door.project(AS, project);
        door.member(AS, project, "m-zoe", "Zoe Olafsdottir", "CARER");
        door.member(AS, project, "m-tom", "Tom Brennan", "ACADEMIC");
        assertThat(door.send(
                                AS,
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
                                        List.of("m-zoe", "m-tom"),
                                        "occurredAt",
                                        "2024-02-01T10:00:00Z")))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aWebVttTranscriptBecomesTurnsReadyToCodeWithTheirWordsSealed() {
        Door.Answer speakers =
                door.send(AS, "POST", base + "/meetings/mtg-1/transcript/speakers", Door.json(Map.of("file", VTT)));
        assertThat(speakers.status()).as(speakers.body()).isEqualTo(200);
        assertThat(speakers.json().path("format").asText()).isEqualTo("WEBVTT");
        assertThat(speakers.json().path("turns").asInt()).isEqualTo(3);
        assertThat(speakers.json().path("speakers").findValuesAsText("speaker"))
                .containsExactly("Zoë Ólafsdóttir 🌻", "Tomás Brennan");
        assertThat(speakers.json().path("speakers").get(0).path("memberId").isMissingNode()
                        || speakers.json()
                                .path("speakers")
                                .get(0)
                                .path("memberId")
                                .isNull())
                .isTrue();

        Door.Answer recorded = transcribe(VTT, Map.of("Zoë Ólafsdóttir 🌻", "m-zoe", "Tomás Brennan", "m-tom"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().path("turns").asInt()).isEqualTo(3);

        JsonNode turns = transcript().path("turns");
        assertThat(turns).hasSize(3);
        assertThat(turns.get(0).path("turnId").asText()).isEqualTo("mtg-1.t1");
        assertThat(turns.get(0).path("memberId").asText()).isEqualTo("m-zoe");
        assertThat(turns.get(0).path("name").asText()).isEqualTo("Zoe Olafsdottir");
        assertThat(turns.get(0).path("occurredAt").asText()).isEqualTo("2024-02-01T10:00:04Z");
        assertThat(turns.get(0).path("text").asText())
                .isEqualTo("Could we meet at the café instead? ☕ Evenings suit carers.");
        assertThat(turns.get(1).path("text").asText()).isEqualTo("Yes & let's ask the group.");
        assertThat(turns.get(2).path("occurredAt").asText()).isEqualTo("2024-02-01T10:00:09Z");
        assertThat(turns.get(0).path("coding").isMissingNode()
                        || turns.get(0).path("coding").isNull())
                .isTrue();
        // Stored sealed: the words are nowhere in the event store in the clear.
        assertThat(storedPayloads())
                .doesNotContain("café")
                .doesNotContain("Evenings suit carers")
                .contains("aead1:");

        // Coding the turns afterwards, on the live screen's categories.
        assertThat(code("mtg-1.t1", "GIVES_SUGGESTION").status()).isEqualTo(201);
        assertThat(code("mtg-1.t1", "GIVES_SUGGESTION").status())
                .as("a retry is the same coding")
                .isEqualTo(201);
        assertThat(code("mtg-1.t2", "AGREES").status()).isEqualTo(201);
        Door.Answer twice = code("mtg-1.t2", "DISAGREES");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("coded already");
        assertThat(door.send(
                                AS,
                                "POST",
                                base + "/contributions/mtg-1.t2/retraction",
                                Door.json(Map.of("reason", "Miskeyed")))
                        .status())
                .isEqualTo(201);
        assertThat(code("mtg-1.t2", "DISAGREES").status()).isEqualTo(201);

        turns = transcript().path("turns");
        assertThat(turns.get(0).path("coding").path("category").asText()).isEqualTo("GIVES_SUGGESTION");
        assertThat(turns.get(0).path("coding").path("contributionId").asText()).isEqualTo("mtg-1.t1");
        assertThat(turns.get(1).path("coding").path("category").asText()).isEqualTo("DISAGREES");
        assertThat(turns.get(1).path("coding").path("contributionId").asText()).isEqualTo("mtg-1.t2:2");
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%ContributionRecorded'")
                        .param(project)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);

        // One transcript a meeting; the speakers are remembered for the next meeting's.
        assertThat(transcribe(VTT, Map.of("Zoë Ólafsdóttir 🌻", "m-zoe", "Tomás Brennan", "m-tom"))
                        .status())
                .isEqualTo(409);
        door.send(
                AS,
                "POST",
                base + "/meetings",
                Door.json(Map.of(
                        "meetingId",
                        "mtg-2",
                        "title",
                        "Team",
                        "kind",
                        "TEAM",
                        "attendees",
                        List.of("m-zoe"),
                        "occurredAt",
                        "2024-03-01T10:00:00Z")));
        JsonNode next = door.send(
                        AS, "POST", base + "/meetings/mtg-2/transcript/speakers", Door.json(Map.of("file", VTT)))
                .json();
        assertThat(next.path("speakers").get(0).path("memberId").asText()).isEqualTo("m-zoe");
        assertThat(next.path("speakers").get(1).path("memberId").asText()).isEqualTo("m-tom");
        assertThat(jdbc.sql("SELECT speaker FROM transcript_speaker WHERE project_id = ?")
                        .param(project)
                        .query(String.class)
                        .list())
                .hasSize(2)
                .allSatisfy(speaker -> assertThat(speaker).startsWith("aead1:").doesNotContain("Tom"));
    }

    @Test
    void aSpeakerLeftUnmappedATurnOffTheMeetingsDayOrABadLineStoresNothing() {
        Door.Answer unmapped = transcribe(VTT, Map.of("Zoë Ólafsdóttir 🌻", "m-zoe"));
        assertThat(unmapped.status()).isEqualTo(400);
        assertThat(unmapped.body()).contains("line 10: speaker \\\"Tomás Brennan\\\" is not mapped to a member");

        String late = VTT + "\n4\n23:59:59.000 --> 24:00:01.000\n<v Tomás Brennan>Still here.</v>\n";
        Door.Answer offTheDay = transcribe(late, Map.of("Zoë Ólafsdóttir 🌻", "m-zoe", "Tomás Brennan", "m-tom"));
        assertThat(offTheDay.status()).isEqualTo(409);
        assertThat(offTheDay.body()).contains("line 18:").contains("not on the meeting's day, 2024-02-01");

        Door.Answer unreadable = transcribe("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nNo speaker here\n", Map.of());
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().path("errors").toString()).contains("file").contains("line 3");

        Door.Answer stranger = transcribe(VTT, Map.of("Zoë Ólafsdóttir 🌻", "m-zoe", "Tomás Brennan", "m-nobody"));
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.body()).contains("line 10:");

        assertThat(transcript().path("turns")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM transcript_speaker WHERE project_id = ?")
                        .param(project)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPlainTextTranscriptKeepsItsOrder() {
        String plain = "Zoë Ólafsdóttir 🌻: First, the café.\nTomás Brennan: Then the forms.\nStill on the forms.\n";
        assertThat(transcribe(plain, Map.of("Zoë Ólafsdóttir 🌻", "m-zoe", "Tomás Brennan", "m-tom"))
                        .status())
                .isEqualTo(201);

        JsonNode turns = transcript().path("turns");
        assertThat(turns.findValuesAsText("text"))
                .containsExactly("First, the café.", "Then the forms. Still on the forms.");

        // A meeting has one transcript: a second is refused whole, by the aggregate.
        Door.Answer again = transcribe(plain, Map.of("Zoë Ólafsdóttir 🌻", "m-zoe", "Tomás Brennan", "m-tom"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("meetingId").contains("has a transcript already");
        assertThat(transcript().path("turns")).hasSize(2);
        assertThat(turns.findValuesAsText("occurredAt"))
                .containsExactly("2024-02-01T10:00:00Z", "2024-02-01T10:00:01Z");
    }

    /** The transcript is a text source of the .qdpx, each coded turn's words coded with its category. */
    @Test
    void theQdpxHoldsTheTranscriptWithEachCodedTurnsWordsCoded() throws Exception {
        assertThat(transcribe(VTT, Map.of("Zoë Ólafsdóttir 🌻", "m-zoe", "Tomás Brennan", "m-tom"))
                        .status())
                .isEqualTo(201);
        assertThat(code("mtg-1.t2", "AGREES").status()).isEqualTo(201);

        java.net.http.HttpResponse<byte[]> answer = java.net.http.HttpClient.newHttpClient()
                .send(
                        door.request(AS, base + "/export.qdpx").GET().build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        Map<String, byte[]> entries = new java.util.HashMap<>();
        try (java.util.zip.ZipInputStream zip =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(answer.body()))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(java.nio.file.Path.of("src/test/resources/refi-qda/Project-mrt2019.xsd")
                        .toFile())
                .newValidator()
                .validate(new javax.xml.transform.stream.StreamSource(
                        new java.io.ByteArrayInputStream(entries.get("project.qde"))));
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Element source = null;
        org.w3c.dom.NodeList sources = factory.newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(entries.get("project.qde")))
                .getElementsByTagNameNS("*", "TextSource");
        for (int i = 0; i < sources.getLength(); i++) {
            if (((org.w3c.dom.Element) sources.item(i)).getAttribute("name").startsWith("Transcript of Team")) {
                source = (org.w3c.dom.Element) sources.item(i);
            }
        }
        assertThat(source).as("the transcript's source").isNotNull();
        String text = new String(
                entries.get("sources/" + source.getAttribute("plainTextPath").substring("internal://".length())),
                StandardCharsets.UTF_8);
        assertThat(text)
                .isEqualTo("Zoe Olafsdottir: Could we meet at the café instead? ☕ Evenings suit carers.\n"
                        + "Tom Brennan: Yes & let's ask the group.\n"
                        + "Zoe Olafsdottir: I'll write to them.\n");
        org.w3c.dom.NodeList selections = source.getElementsByTagNameNS("*", "PlainTextSelection");
        assertThat(selections.getLength()).isEqualTo(1);
        org.w3c.dom.Element selection = (org.w3c.dom.Element) selections.item(0);
        int start = Integer.parseInt(selection.getAttribute("startPosition"));
        int end = Integer.parseInt(selection.getAttribute("endPosition"));
        assertThat(text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end)))
                .isEqualTo("Yes & let's ask the group.");
        String codeGuid = ((org.w3c.dom.Element)
                        selection.getElementsByTagNameNS("*", "CodeRef").item(0))
                .getAttribute("targetGUID");
        assertThat(new String(entries.get("project.qde"), StandardCharsets.UTF_8))
                .contains("guid=\"" + codeGuid + "\" name=\"3. Agrees\"");
    }

    private Door.Answer transcribe(String file, Map<String, String> speakers) {
        return door.send(
                AS, "POST", base + "/meetings/mtg-1/transcript", Door.json(Map.of("file", file, "speakers", speakers)));
    }

    private Door.Answer code(String turnId, String category) {
        return door.send(AS, "POST", base + "/turns/" + turnId + "/coding", Door.json(Map.of("category", category)));
    }

    private JsonNode transcript() {
        Door.Answer answer = door.send(AS, "GET", base + "/meetings/mtg-1/transcript", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private String storedPayloads() {
        return String.join(
                "\n",
                jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?")
                        .param(project)
                        .query((rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8))
                        .list());
    }
}

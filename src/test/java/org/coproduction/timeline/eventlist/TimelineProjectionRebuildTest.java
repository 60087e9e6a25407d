package org.coproduction.timeline.eventlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.coproduction.timeline.interchange.InterchangeFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The timeline is disposable: replaying the event store into it gives back the same answer. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class TimelineProjectionRebuildTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final String PROCESSOR = "timeline";

    private static final String REBUILT = "timeline-rebuilt";
    private static final String ANN = "ann";
    private static final String BEN = "ben";

    private static final String REGISTERED_AT = "2021-01-04T09:00:00Z";
    private static final String TEAM_JOINS_AT = "2021-01-04T09:15:00Z";
    private static final String KICK_OFF_AT = "2021-01-11T10:00:00Z";
    private static final String DESIGN_STARTS = "2021-02-01";
    private static final String PROPOSED_AT = "2021-02-08T10:30:00Z";
    private static final String REFLECTED_ON = "2021-02-09";

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    /** Recorded times from the file on most lines, the store's own on the last two. */
    private static InterchangeFile study() {
        return new InterchangeFile(REBUILT)
                .add("ProjectRegistered", REGISTERED_AT, "2021-01-04T09:05:00Z", "title", "Rebuilt study")
                .memberJoined(TEAM_JOINS_AT, "2021-01-04T09:30:00Z", ANN, "Ann Archer", "RESEARCHER", "ACADEMIC")
                .memberJoined(TEAM_JOINS_AT, "2021-01-04T09:20:00Z", BEN, "Ben Bell", "PEER_WORKER", "PEER_WORKER")
                .add(
                        "MeetingHeld",
                        KICK_OFF_AT,
                        "2021-01-11T12:00:00Z",
                        "meetingId",
                        "meeting-1",
                        "title",
                        "Kick-off",
                        "kind",
                        "TEAM",
                        "attendees",
                        List.of(ANN, BEN))
                .add("PhaseStarted", DESIGN_STARTS, "2021-02-01T09:00:00Z", "phaseId", "design", "name", "Design")
                .add(
                        "DecisionProposed",
                        PROPOSED_AT,
                        "2021-02-08T12:00:00Z",
                        "decisionId",
                        "decision-1",
                        "title",
                        "Keep a shared diary",
                        "proposedBy",
                        BEN)
                .add(
                        "ReflectionWritten",
                        REFLECTED_ON,
                        null,
                        "reflectionId",
                        "reflection-1",
                        "authorId",
                        ANN,
                        "text",
                        "Not for the team to read.",
                        "visibility",
                        "PRIVATE")
                .add(
                        "ReflectionWritten",
                        KICK_OFF_AT,
                        null,
                        "reflectionId",
                        "reflection-0",
                        "authorId",
                        BEN,
                        "text",
                        "Written at the kick-off.",
                        "visibility",
                        "TEAM",
                        "meetingId",
                        "meeting-1");
    }

    @Test
    void resettingTheTimelineProcessorRebuildsTheSameEntries() {
        InterchangeFile file = study();
        importLines(file);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(eventIds(timeline()))
                .containsExactlyInAnyOrderElementsOf(file.eventIds(1, 2, 3, 4, 5, 6, 7, 8)));
        JsonNode before = timeline().getBody();

        StreamingEventProcessor processor = processing
                .eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        try {
            processor.shutDown();
            processor.resetTokens();
            ResponseEntity<JsonNode> during = timeline();
            assertThat(during.getStatusCode())
                    .as("the reset cleared the read model, which says it is catching up rather than answer")
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(during.getBody().path("readModels").get(0).asText()).isEqualTo(PROCESSOR);
        } finally {
            processor.start();
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            ResponseEntity<JsonNode> after = timeline();
            assertThat(after.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(after.getBody()).isEqualTo(before);
        });
        assertThat(before.path("total").asLong()).isEqualTo(file.size());
    }

    /**
     * The processor's tokens are taken back to the start without its reset handler, so every event
     * is delivered again over the tables as they stand: the project marks must skip them all (a row
     * written twice would break a primary key and hold the processor back).
     */
    @Test
    void everyEventDeliveredAgainChangesNothing() {
        InterchangeFile file = study();
        importLines(file);
        StreamingEventProcessor processor = processing
                .eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        await().atMost(PATIENCE).until(() -> atOrPast(processor, head));
        Map<String, List<Map<String, Object>>> before = tables();
        JsonNode answer = timeline().getBody();
        assertThat(before.get("timeline_entry")).hasSize(file.size());

        processor.shutDown();
        try {
            int rewound = jdbc.update(
                    "UPDATE token_entry SET token = NULL, token_type = NULL WHERE processor_name = ?", PROCESSOR);
            assertThat(rewound).isPositive();
        } finally {
            processor.start();
        }

        await().atMost(PATIENCE).until(() -> atOrPast(processor, head));
        assertThat(processor.processingStatus().values())
                .as("no segment stopped by an error")
                .noneMatch(EventTrackerStatus::isErrorState);
        assertThat(tables()).isEqualTo(before);
        assertThat(timeline().getBody()).isEqualTo(answer);
    }

    /** Every segment claimed here, none failed, each at or past the head. */
    private boolean atOrPast(StreamingEventProcessor processor, long head) {
        var status = processor.processingStatus().values();
        int segments = jdbc.queryForObject(
                "SELECT COUNT(*) FROM token_entry WHERE processor_name = ?", Integer.class, PROCESSOR);
        return status.size() == segments
                && status.stream()
                        .allMatch(
                                s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head);
    }

    private Map<String, List<Map<String, Object>>> tables() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String table : List.of("timeline_entry", "timeline_member_name", "timeline_phase", "timeline_project")) {
            rows.put(
                    table,
                    jdbc.queryForList("SELECT * FROM " + table + " WHERE project_id = ? ORDER BY 1, 2", REBUILT));
        }
        return rows;
    }

    private void importLines(InterchangeFile file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(NDJSON);
        ResponseEntity<JsonNode> response =
                http.postForEntity("/api/import", new HttpEntity<>(file.text(), headers), JsonNode.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<JsonNode> timeline() {
        return http.getForEntity("/api/projects/" + REBUILT + "/timeline?size=1000", JsonNode.class);
    }

    private static List<String> eventIds(ResponseEntity<JsonNode> response) {
        List<String> ids = new ArrayList<>();
        if (response.getStatusCode() == HttpStatus.OK) {
            response.getBody()
                    .path("entries")
                    .forEach(entry -> ids.add(entry.path("eventId").asText()));
        }
        return ids;
    }
}

package org.coproduction.timeline.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.coproduction.timeline.interchange.InterchangeFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The read models' status and their rebuild over HTTP, and their lag as a metric. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureObservability
class ProjectionAdministrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final List<String> READ_MODELS = List.of("influence", "participation", "projects", "timeline");

    private static final String STATUS_STUDY = "admin-status-study";
    private static final String REBUILT_STUDY = "admin-rebuilt-study";
    private static final String REPLAYING_STUDY = "admin-replaying-study";
    private static final String CLAIMED_STUDY = "admin-claimed-study";
    private static final String LEFTOVER_PROJECT = "admin-never-recorded";
    private static final String OTHER_INSTANCE = "12345@another-instance";
    /** A claim that never lapses, so the token store refuses it to this instance. */
    private static final String CLAIMED_UNTIL = "2999-01-01T00:00:00.000Z";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void everyReadModelRuns() {
        awaitCaughtUp();
    }

    @Test
    void givenAnImportedStudy_whenStatusAsked_thenEveryReadModelRunsWithLagZero() {
        imported(study(STATUS_STUDY));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode projections = projections();
            assertThat(names(projections)).containsAll(READ_MODELS);
            for (JsonNode projection : projections) {
                assertThat(projection.path("status").asText()).isEqualTo("RUNNING");
                assertThat(projection.path("lag").asLong()).isZero();
                assertThat(projection.path("position").asLong())
                        .isEqualTo(projection.path("head").asLong())
                        .isPositive();
                assertThat(projection.path("segments"))
                        .hasSize(projection.path("segmentCount").asInt());
                assertThat(projection.has("progress")).isFalse();
            }
        });
        assertThat(segmentCount("timeline")).as("application.yml").isEqualTo(8);
    }

    @Test
    void givenADamagedTimeline_whenRebuilt_thenItIsClearedAndAnswersAsBefore() {
        imported(study(REBUILT_STUDY));
        String before = timeline(REBUILT_STUDY);
        jdbc.update("DELETE FROM timeline_entry WHERE project_id = ?", REBUILT_STUDY);
        jdbc.update(
                "INSERT INTO timeline_entry (project_id, seq_no, event_id, type, occurred_at, recorded_at, member_ids)"
                        + " VALUES (?, 0, 'leftover', 'ProjectRegistered', TIMESTAMP WITH TIME ZONE"
                        + " '2021-01-04 09:00:00+00', TIMESTAMP WITH TIME ZONE '2021-01-04 09:00:00+00', ',')",
                LEFTOVER_PROJECT);
        assertThat(timeline(REBUILT_STUDY)).isNotEqualTo(before);

        ResponseEntity<JsonNode> response =
                http.postForEntity("/api/admin/projections/timeline/rebuild", null, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(response.getBody().path("name").asText()).isEqualTo("timeline");
        assertThat(response.getBody().path("status").asText()).isIn("REBUILDING", "RUNNING");
        awaitCaughtUp();
        assertThat(timeline(REBUILT_STUDY)).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM timeline_entry WHERE project_id = ?", Long.class, LEFTOVER_PROJECT))
                .as("rows of no event are cleared by the reset")
                .isZero();
    }

    @Test
    void cannotRebuildAnUnknownReadModel() {
        ResponseEntity<JsonNode> response =
                http.postForEntity("/api/admin/projections/no-such-model/rebuild", null, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().path("field").asText()).isEqualTo("name");
        assertThat(response.getBody().path("detail").asText()).contains("timeline");
    }

    /**
     * Another instance running the same processor holds a claim on its segment: Axon cannot claim
     * every token for the reset, so the rebuild is refused and nothing is cleared.
     */
    @Test
    void cannotRebuildWhileAnotherInstanceHoldsASegment_andClearsNothing() {
        imported(study(CLAIMED_STUDY));
        long projectsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM project_summary", Long.class);
        jdbc.update(
                "UPDATE token_entry SET owner = ?, time_stamp = ? WHERE processor_name = 'projects'",
                OTHER_INSTANCE,
                CLAIMED_UNTIL);
        try {
            ResponseEntity<JsonNode> response =
                    http.postForEntity("/api/admin/projections/projects/rebuild", null, JsonNode.class);

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(response.getBody().path("detail").asText()).contains(OTHER_INSTANCE);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM project_summary", Long.class))
                    .isEqualTo(projectsBefore);
            JsonNode segment = projection("projects").path("segments").get(0);
            assertThat(segment.path("owner").asText()).isEqualTo(OTHER_INSTANCE);
            assertThat(segment.path("claimedHere").asBoolean()).isFalse();
        } finally {
            jdbc.update("UPDATE token_entry SET owner = NULL WHERE processor_name = 'projects'");
        }
        awaitCaughtUp();
    }

    @Test
    void cannotRebuildAReadModelThatIsStillReplaying() {
        imported(study(REPLAYING_STUDY));
        StreamingEventProcessor projects = processing
                .eventProcessor("projects", StreamingEventProcessor.class)
                .orElseThrow();
        projects.shutDown();
        projects.resetTokens();
        try {
            JsonNode replaying = projection("projects");
            assertThat(replaying.path("status").asText()).isEqualTo("REBUILDING");
            assertThat(replaying.path("progress").path("fraction").asDouble()).isLessThan(1);

            ResponseEntity<JsonNode> response =
                    http.postForEntity("/api/admin/projections/projects/rebuild", null, JsonNode.class);

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(response.getBody().path("detail").asText()).contains("already rebuilding");
        } finally {
            projects.start();
        }
        awaitCaughtUp();
    }

    @Test
    void publishesEachReadModelsLagForPrometheus() {
        imported(study(STATUS_STUDY + "-metrics"));
        awaitCaughtUp();

        String metrics = http.getForObject("/actuator/prometheus", String.class);

        for (String name : READ_MODELS) {
            assertThat(metrics).contains("timeline_projection_lag_events{processor=\"" + name + "\"} 0.0");
            // The events each handled come from axon-micrometer, per payload type: not counted twice.
            assertThat(metrics)
                    .containsPattern("eventProcessor_successCounter_total\\{payloadType=\"ProjectRegistered\","
                            + "processorName=\"" + name + "\"\\} [1-9]");
        }
    }

    private void awaitCaughtUp() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (JsonNode projection : projections()) {
                assertThat(projection.path("status").asText())
                        .as("%s", projection)
                        .isEqualTo("RUNNING");
                assertThat(projection.path("lag").asLong()).as("%s", projection).isZero();
                assertThat(projection.path("segments")).allSatisfy(segment -> assertThat(
                                segment.path("claimedHere").asBoolean())
                        .isTrue());
            }
        });
    }

    private JsonNode projections() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/admin/projections", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode projection(String name) {
        return http.getForObject("/api/admin/projections/" + name, JsonNode.class);
    }

    private int segmentCount(String name) {
        return projection(name).path("segmentCount").asInt();
    }

    private static List<String> names(JsonNode projections) {
        List<String> names = new ArrayList<>();
        projections.forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    private String timeline(String projectId) {
        return http.getForObject("/api/projects/" + projectId + "/timeline?size=1000", String.class);
    }

    private static InterchangeFile study(String projectId) {
        return new InterchangeFile(projectId)
                .add("ProjectRegistered", "2021-01-04T09:00:00Z", "2021-01-04T09:05:00Z", "title", "A rebuilt study")
                .memberJoined(
                        "2021-01-04T09:15:00Z", "2021-01-04T09:20:00Z", "ann", "Ann Archer", "RESEARCHER", "ACADEMIC")
                .memberJoined(
                        "2021-01-04T09:15:00Z", "2021-01-04T09:25:00Z", "ben", "Ben Bell", "PEER_WORKER", "PEER_WORKER")
                .add("PhaseStarted", "2021-02-01", "2021-02-01T09:00:00Z", "phaseId", "design", "name", "Design")
                .add(
                        "MeetingHeld",
                        "2021-02-08T10:00:00Z",
                        "2021-02-08T12:00:00Z",
                        "meetingId",
                        "meeting-1",
                        "title",
                        "Design workshop",
                        "kind",
                        "OTHER",
                        "attendees",
                        List.of("ann", "ben"));
    }

    /** Imports the file and waits until every read model has handled it. */
    private void imported(InterchangeFile file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(NDJSON);
        ResponseEntity<JsonNode> response =
                http.postForEntity("/api/import", new HttpEntity<>(file.text(), headers), JsonNode.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        awaitCaughtUp();
    }
}

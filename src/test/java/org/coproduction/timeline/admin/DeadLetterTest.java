package org.coproduction.timeline.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coproduction.timeline.access.Door;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * An event a read model's handler fails on (here one whose data cannot be read: a member who joins
 * with no perspectives, written into the store behind the rules' back) waits in that read model's
 * dead-letter queue with its project's later events; the read model goes on with every other
 * project, and an administrator lists, retries and evicts the letters. Its own store: the poisoned
 * event would trouble other tests' read models.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestPropertySource(properties = "timeline.demo.load-on-empty-store=false")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLetterTest {

    static final String AS = "dead-letter-coordinator";
    static final String HEALTHY = "dlq-healthy";
    static final String POISONED = "dlq-poisoned";
    static final List<String> READ_MODELS = List.of("influence", "participation", "projects", "timeline");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReadModels readModels;

    @Autowired
    MeterRegistry meters;

    @Test
    @Order(1)
    void aPoisonedEventWaitsWithItsProjectWhileTheOtherProjectsGoOn() {
        Door door = new Door(port);
        door.account(AS);
        door.project(AS, HEALTHY);
        append(
                POISONED,
                0,
                "ProjectRegistered",
                "{\"projectId\":\"dlq-poisoned\",\"occurredAt\":\"2024-01-01T00:00:00Z\"," + "\"title\":\"A study\"}");
        append(
                POISONED,
                1,
                "MemberJoined",
                "{\"projectId\":\"dlq-poisoned\",\"occurredAt\":\"2024-01-02T00:00:00Z\","
                        + "\"memberId\":\"m-1\",\"name\":\"Nobody\",\"role\":\"RESEARCHER\"}");
        append(
                POISONED,
                2,
                "PhaseStarted",
                "{\"projectId\":\"dlq-poisoned\",\"occurredAt\":\"2024-01-03T00:00:00Z\","
                        + "\"phaseId\":\"p-1\",\"name\":\"Design\"}");
        door.member(AS, HEALTHY, "m-ann", "Ann Goes-On", "CARER");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode letters = list(door);
            for (String readModel : READ_MODELS) {
                JsonNode sequence = sequence(letters, readModel, POISONED);
                assertThat(sequence).as(readModel + " in " + letters).isNotNull();
                assertThat(sequence.path("letters").findValuesAsText("type"))
                        .containsExactly("MemberJoined", "PhaseStarted");
                assertThat(sequence.path("letters").get(0).path("causeType").asText())
                        .isNotEmpty();
                assertThat(sequence.path("letters")
                                .get(1)
                                .path("sequenceNumber")
                                .asLong())
                        .isEqualTo(2);
            }
            assertThat(door.send(AS, "GET", "/api/projects/" + HEALTHY + "/timeline", null)
                            .body())
                    .contains("Ann Goes-On");
            assertThat(readModels.all())
                    .allSatisfy(
                            status -> assertThat(status.lag()).as(status.name()).isZero());
        });
        assertThat(meters.get(DeadLetters.GAUGE)
                        .tag("processor", "timeline")
                        .gauge()
                        .value())
                .isEqualTo(2.0);

        JsonNode retried = door.send(
                        Door.ADMIN, "POST", "/api/admin/dead-letters/timeline/" + POISONED + "/retry", null)
                .json();
        assertThat(retried.path("cleared").asBoolean())
                .as("the event still cannot be read")
                .isFalse();
        assertThat(sequence(list(door), "timeline", POISONED).path("letters").size())
                .isEqualTo(2);

        Door.Answer evicted =
                door.send(Door.ADMIN, "POST", "/api/admin/dead-letters/timeline/" + POISONED + "/evict", null);
        assertThat(evicted.status()).as(evicted.body()).isEqualTo(200);
        assertThat(evicted.json().path("evicted").asInt()).isEqualTo(2);
        JsonNode after = list(door);
        assertThat(sequence(after, "timeline", POISONED)).isNull();
        assertThat(sequence(after, "participation", POISONED)).isNotNull();

        assertThat(door.send(Door.ADMIN, "POST", "/api/admin/dead-letters/timeline/" + POISONED + "/evict", null)
                        .status())
                .isEqualTo(404);
        assertThat(door.send(Door.ADMIN, "POST", "/api/admin/dead-letters/nothing/" + POISONED + "/retry", null)
                        .status())
                .isEqualTo(404);
        assertThat(door.send(AS, "GET", "/api/admin/dead-letters", null).status())
                .as("a coordinator is not a site administrator")
                .isEqualTo(403);
    }

    /**
     * A rebuild in bulk does not stop at the event it cannot read (it did: the processors then
     * carried on from its last batch, event by event): the event and its project's later ones wait in
     * the read model's dead-letter queue again, once each (the letters from before the rebuild go
     * with the rows they were kept from), and the pass goes through the whole store.
     */
    @Test
    @Order(2)
    void aRebuildInBulkPutsThePoisonedEventInTheQueueAgainAndGoesThroughTheStore() {
        Door door = new Door(port);
        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);

        readModels.rebuild(READ_MODELS);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(readModels.bulkReplayed())
                    .as("events the bulk pass handled")
                    .isEqualTo(events);
            assertThat(readModels.all())
                    .allSatisfy(
                            status -> assertThat(status.lag()).as(status.name()).isZero());
        });
        JsonNode letters = list(door);
        for (String readModel : READ_MODELS) {
            assertThat(sequence(letters, readModel, POISONED).path("letters").findValuesAsText("type"))
                    .as(readModel)
                    .containsExactly("MemberJoined", "PhaseStarted");
        }
        assertThat(door.send(AS, "GET", "/api/projects/" + HEALTHY + "/timeline", null)
                        .body())
                .contains("Ann Goes-On");
    }

    private static JsonNode list(Door door) {
        Door.Answer answer = door.send(Door.ADMIN, "GET", "/api/admin/dead-letters", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode sequence(JsonNode letters, String readModel, String projectId) {
        List<JsonNode> found = new ArrayList<>();
        letters.forEach(s -> {
            if (s.path("readModel").asText().equals(readModel)
                    && s.path("projectId").asText().equals(projectId)) {
                found.add(s);
            }
        });
        return found.isEmpty() ? null : found.get(0);
    }

    /** Writes an event row as the storage engine would, whatever its data. */
    private void append(String projectId, long sequenceNumber, String type, String data) {
        String now = Instant.now().toString();
        jdbc.update(
                "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " VALUES (?, ?, ?, 'Project', ?, ?, '1', ?, ?)",
                UUID.randomUUID().toString(),
                projectId,
                sequenceNumber,
                now,
                type,
                data.getBytes(StandardCharsets.UTF_8),
                ("{\"recordedAt\":\"" + now + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}

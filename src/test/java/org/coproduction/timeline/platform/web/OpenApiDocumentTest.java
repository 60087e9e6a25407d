package org.coproduction.timeline.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The API is documented where the README says, and the metrics are exposed for Prometheus. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class OpenApiDocumentTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void documentsEveryRecordingEndpointAndTheTimeline() throws Exception {
        JsonNode paths = new ObjectMapper()
                .readTree(http.getForObject("/v3/api-docs", String.class))
                .get("paths");

        assertThat(paths.has("/api/projects")).isTrue();
        assertThat(paths.has("/api/projects/{projectId}/meetings/{meetingId}/contributions"))
                .isTrue();
        assertThat(paths.has("/api/projects/{projectId}/decisions/{decisionId}/influences"))
                .isTrue();
        assertThat(paths.has("/api/projects/{projectId}/reflections")).isTrue();
        assertThat(paths.has("/api/projects/{projectId}/timeline")).isTrue();
        assertThat(paths.has("/api/import")).isTrue();
        assertThat(paths.has("/api/projects/{projectId}/events")).isTrue();
        assertThat(http.getForObject("/swagger-ui/index.html", String.class)).contains("Swagger UI");
    }

    @Test
    void exposesAxonMetricsForPrometheus() {
        http.postForEntity(
                "/api/projects",
                java.util.Map.of("projectId", "metrics-study", "title", "Metrics", "occurredAt", "2024-01-01"),
                String.class);

        String metrics = http.getForObject("/actuator/prometheus", String.class);

        assertThat(metrics).contains("commandBus_capacity").contains("eventStore_allTimer_seconds_count");
    }
}

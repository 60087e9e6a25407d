package org.coproduction.timeline.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.coproduction.timeline.access.Door;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The health endpoint says how the database and each read model stand, to anyone, without details. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class HealthTest {

    @LocalServerPort
    int port;

    @Autowired
    ReadModels readModels;

    @Test
    void reportsTheDatabaseAndEveryReadModel() {
        Door.Answer answer = new Door(port).send(null, "GET", "/actuator/health", null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode components = answer.json().path("components");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        JsonNode models = components.path("readModels").path("components");
        List<String> names = new ArrayList<>();
        models.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrderElementsOf(readModels.names());
        models.forEach(model -> {
            assertThat(model.path("status").asText()).isEqualTo("UP");
            assertThat(model.has("details"))
                    .as("details are for administrators")
                    .isFalse();
        });
    }

    @Test
    void answersForOneReadModel() {
        Door.Answer answer = new Door(port).send(null, "GET", "/actuator/health/readModels/timeline", null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("UP");
    }
}

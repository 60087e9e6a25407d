package org.coproduction.timeline.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.coproduction.timeline.access.Door;
import org.coproduction.timeline.interchange.InterchangeFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reading right after writing (issue 23, trap 6): a question answered from a read model sees every
 * write answered before it, or says plainly that the read model is catching up (503 with {@code
 * Retry-After}); never a wrong answer such as "decision never proposed" for one just imported.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "timeline.read-models.catch-up-wait=PT0.5S")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadYourWritesTest {

    static final String AS = Door.ADMIN;

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    Door door;

    @BeforeAll
    void door() {
        door = new Door(port);
    }

    @Test
    void aDecisionJustImportedIsAnsweredAtOnce() {
        for (int i = 0; i < 5; i++) {
            String project = "read-your-writes-" + UUID.randomUUID().toString().substring(0, 8);
            InterchangeFile file = new InterchangeFile(project)
                    .add("ProjectRegistered", "2024-01-01", "2024-01-01T09:00:00Z", "title", "Just imported")
                    .memberJoined("2024-01-02", "2024-01-02T09:00:00Z", "ann", "Ann Archer", "RESEARCHER", "ACADEMIC")
                    .add(
                            "DecisionProposed",
                            "2024-01-03",
                            "2024-01-03T09:00:00Z",
                            "decisionId",
                            "d-1",
                            "title",
                            "Which outcome",
                            "proposedBy",
                            "ann");
            Door.Answer imported = door.send(AS, "POST", "/api/import", file.text(), "application/x-ndjson");
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);

            Door.Answer influencers = get("/api/projects/" + project + "/decisions/d-1/influencers");
            assertThat(influencers.status()).as(influencers.body()).isEqualTo(200);
            assertThat(influencers
                            .json()
                            .path("influencers")
                            .get(0)
                            .path("memberId")
                            .asText())
                    .isEqualTo("ann");
            assertThat(get("/api/projects/" + project + "/timeline").json().path("entries"))
                    .hasSize(3);
            assertThat(get("/api/projects").body()).contains(project);
        }
    }

    @Test
    void givenTheInfluenceReadModelBehind_thenItsQuestionsSayCatchingUp_andOtherProjectsAreAnswered() {
        String project = newProject();
        String other = newProject();
        propose(project, "d-1");
        assertThat(get("/api/projects/" + project + "/decisions/d-1/influencers")
                        .status())
                .isEqualTo(200);

        Door.Answer answer = whileStopped("influence", () -> {
            propose(project, "d-2");
            assertThat(get("/api/projects/" + other + "/decisions").status())
                    .as("a project with nothing new is answered")
                    .isEqualTo(200);
            assertCatchingUp(get("/api/projects/" + project + "/decisions"));
            assertCatchingUp(get("/api/projects/" + project + "/influence"));
            return get("/api/projects/" + project + "/decisions/d-2/influencers");
        });

        assertCatchingUp(answer);
        assertThat(answer.json().path("readModels").get(0).asText()).isEqualTo("influence");
        Door.Answer caughtUp = get("/api/projects/" + project + "/decisions/d-2/influencers");
        assertThat(caughtUp.status()).as(caughtUp.body()).isEqualTo(200);
    }

    @Test
    void givenTheTimelineOrProjectsReadModelBehind_thenTheyToo() {
        String project = newProject();
        Door.Answer timeline = whileStopped("timeline", () -> {
            propose(project, "d-1");
            return get("/api/projects/" + project + "/timeline");
        });
        assertCatchingUp(timeline);
        assertThat(get("/api/projects/" + project + "/timeline").body()).contains("d-1");

        String[] registered = new String[1];
        Door.Answer projects = whileStopped("projects", () -> {
            registered[0] = newProject();
            return get("/api/projects");
        });
        assertCatchingUp(projects);
        assertThat(get("/api/projects").body()).contains(registered[0]);
    }

    private static void assertCatchingUp(Door.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(answer.json().path("title").asText()).isEqualTo("Catching up");
        assertThat(answer.json().path("detail").asText()).contains("ask again in a moment");
    }

    private <T> T whileStopped(String readModel, Supplier<T> during) {
        StreamingEventProcessor processor = processing
                .eventProcessor(readModel, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            return during.get();
        } finally {
            processor.start();
        }
    }

    private String newProject() {
        String project = "read-your-writes-" + UUID.randomUUID().toString().substring(0, 8);
        door.project(AS, project);
        door.member(AS, project, "ann", "Ann Archer", "ACADEMIC");
        return project;
    }

    private void propose(String project, String decisionId) {
        Door.Answer proposed = door.send(
                AS,
                "POST",
                "/api/projects/" + project + "/decisions",
                Door.json(Map.of(
                        "decisionId",
                        decisionId,
                        "title",
                        "Decision " + decisionId,
                        "proposedBy",
                        "ann",
                        "occurredAt",
                        "2024-01-03")));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    }

    private Door.Answer get(String path) {
        return door.send(AS, "GET", path, null);
    }
}

package org.coproduction.timeline.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.coproduction.timeline.access.Door;
import org.coproduction.timeline.api.LifecycleEvent.ProjectRegistered;
import org.coproduction.timeline.platform.axon.ProcessorPause;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The silent stall issue 22 saw (a read model RUNNING, lag 392,146, nothing scheduled, for good):
 * an {@link Error} thrown in a processor's thread, as an {@code OutOfMemoryError} is in whichever
 * thread asks for memory first, escapes Axon's {@code catch (Exception)} in the pooled processor's
 * work package and leaves it marked busy forever; the processor still says it runs, has no error,
 * and cannot even be stopped. Here a handler of the {@code projects} read model throws an
 * AssertionError (a bug) for one project's registration: that registration waits in the dead-letter
 * queue like any failure, and the read model goes on and can be restarted.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestPropertySource(
        properties = {
            "timeline.demo.load-on-empty-store=false",
            "timeline.health.stall-after=PT3S",
            "timeline.health.check-every=PT1S",
            "timeline.health.stop-within=PT2S"
        })
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErrorInAHandlerTest {

    static final String AS = "error-coordinator";
    static final String FAULTY = "faulty-study";
    static final String HEALTHY = "healthy-study";
    static final String WEDGING = "wedging-study";

    @TestConfiguration
    static class Faulty {
        @Bean
        FaultyHandler faultyHandler() {
            return new FaultyHandler();
        }
    }

    /** A handler with a bug for one project, beside the projects read model's own. */
    @ProcessingGroup("projects")
    static class FaultyHandler {
        @EventHandler
        void on(ProjectRegistered event) {
            if (event.projectId().equals(FAULTY)) {
                throw new AssertionError("a handler's bug");
            }
            if (event.projectId().equals(WEDGING)) {
                throw new InternalError("the JVM's own trouble");
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ReadModels readModels;

    @Autowired
    ProcessorPause pause;

    @Test
    @Order(1)
    void anErrorInAHandlerIsDeadLetteredAndTheReadModelGoesOn() {
        Door door = new Door(port);
        door.account(AS);
        door.project(AS, FAULTY);
        door.project(AS, HEALTHY);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(door.send(AS, "GET", "/api/projects", null).body()).contains(HEALTHY);
            assertThat(readModels.status("projects").lag()).isZero();
        });
        JsonNode letters =
                door.send(Door.ADMIN, "GET", "/api/admin/dead-letters", null).json();
        assertThat(letters.findValuesAsText("projectId")).contains(FAULTY);
        assertThat(letters.toString()).contains("AssertionError");

        assertThat(pause.restart("projects"))
                .as("the processor stops and starts again")
                .isEqualTo(ProcessorPause.Restart.RESTARTED);
        door.project(AS, "after-restart");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        door.send(AS, "GET", "/api/projects", null).body())
                .contains("after-restart"));
    }

    /**
     * The JVM's own errors (here an InternalError; in the run an OutOfMemoryError) are not
     * the event's fault and are not dead-lettered: the read model is wedged as the issue saw it. It
     * no longer hides: the watch finds it stalled, its restart gives up after the bound instead of
     * hanging, the health check says DOWN, and pauses (a large import) go on without it.
     */
    @Test
    @Order(2)
    void aReadModelWedgedByTheJvmsOwnErrorIsReportedAndHangsNothing(@Autowired MeterRegistry meters) {
        Door door = new Door(port);
        door.account(AS + "-2");
        door.project(AS + "-2", WEDGING);
        door.project(AS + "-2", "after-the-wedge");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Door.Answer health = door.send(null, "GET", "/actuator/health/readModels/projects", null);
            assertThat(health.status()).as(health.body()).isEqualTo(503);
            assertThat(meters.counter(StallWatch.WEDGED, "processor", "projects")
                            .count())
                    .isGreaterThanOrEqualTo(1);
        });
        assertThat(door.send(AS + "-2", "GET", "/api/projects", null).body()).doesNotContain("after-the-wedge");

        long started = System.nanoTime();
        assertThat(pause.during(() -> "paused and let go")).isEqualTo("paused and let go");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(door.send(null, "GET", "/actuator/health/readModels/timeline", null)
                        .status())
                .isEqualTo(200);
        assertThat(door.send(null, "GET", "/actuator/health/readModels/projects", null)
                        .status())
                .as("still wedged: only a restart of the instance mends it")
                .isEqualTo(503);
    }
}

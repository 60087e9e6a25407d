package org.coproduction.timeline.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coproduction.timeline.admin.ReadModels;
import org.coproduction.timeline.api.LifecycleCommand.RegisterProject;
import org.coproduction.timeline.testing.CaughtUp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * AxonFramework issue 4829 with a command: one command's transaction is held open after its event
 * has taken its position (a pause of the thread between the append and the commit: a collection, a
 * lock, a slow disk) while other commands commit. A processor that reads past the held position
 * keeps only {@code max-gap-offset} positions below it as gaps (10 here), so if more than that
 * commit meanwhile, it would never see the held event. Commands' appends and commits are taken in
 * turn instead ({@link AppendGate#commandAppends}): the others wait for the held one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"timeline.event-store.max-gap-offset=10", "timeline.demo.load-on-empty-store=false"})
@DirtiesContext
class SlowCommandTest {

    static final String SLOW = "slow-study";
    static final Duration HOLD = Duration.ofSeconds(3);
    static final CountDownLatch HOLDING = new CountDownLatch(1);

    /** Holds the slow project's registration between its append and its commit. */
    @TestConfiguration
    static class HoldOneCommand {
        @Bean
        SmartInitializingSingleton holdTheSlowProjectsRegistration(ObjectProvider<CommandBus> commandBus) {
            return () -> commandBus.getObject().registerHandlerInterceptor((unitOfWork, chain) -> {
                Object result = chain.proceed();
                if (unitOfWork.getMessage().getPayload() instanceof RegisterProject register
                        && register.projectId().equals(SLOW)) {
                    // registered after the handler's events: runs after the event store has appended them
                    unitOfWork.onPrepareCommit(u -> {
                        HOLDING.countDown();
                        sleep(HOLD.toMillis());
                    });
                }
                return result;
            });
        }
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    ReadModels readModels;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommandHeldBetweenItsAppendAndItsCommitIsNotSkippedByTheReadModels() throws Exception {
        CompletableFuture<Object> slow = CompletableFuture.supplyAsync(() -> commands.sendAndWait(register(SLOW)));
        assertThat(HOLDING.await(30, TimeUnit.SECONDS)).isTrue();
        AtomicInteger quick = new AtomicInteger();
        CompletableFuture<Void> others = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 40; i++) {
                commands.sendAndWait(register("quick-" + i));
                quick.incrementAndGet();
            }
        });
        slow.get(60, TimeUnit.SECONDS);
        others.get(60, TimeUnit.SECONDS);
        CaughtUp.await(readModels, readModels.head(), Duration.ofSeconds(60));

        assertThat(quick.get()).isEqualTo(40);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM project_summary WHERE project_id = ?", Long.class, SLOW))
                .as("the held project in the project list")
                .isEqualTo(1);
        Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        Long shown = jdbc.queryForObject("SELECT COUNT(*) FROM timeline_entry", Long.class);
        assertThat(shown).as("timeline entries, one for each stored event").isEqualTo(stored);
    }

    private static RegisterProject register(String projectId) {
        return new RegisterProject(projectId, Instant.parse("2021-01-04T09:00:00Z"), "Study " + projectId, null, null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.coproduction.timeline.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.coproduction.timeline.TimelineApplication;
import org.coproduction.timeline.access.Door;
import org.coproduction.timeline.interchange.InterleavedStudies;
import org.coproduction.timeline.testing.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the application, each a JVM of its own, on one PostgreSQL database: both take
 * commands for the same project (the loser of a concurrent append gets 409, and its retry succeeds),
 * the processors' segments are each claimed by one of them, and when the instance holding them is
 * killed with SIGKILL the other claims them within 30 seconds and its read models show every event:
 * none skipped, none twice.
 */
class TwoInstancesTest {

    private static final String PROJECT = "two-instances";

    @Test
    void bothTakeCommandsAndTheSurvivorOfAKillTakesOverTheReadModels() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.createOrSkip()) {
            Path dir = Path.of("./target/test-data/two-instances-" + UUID.randomUUID());
            Files.createDirectories(dir);
            List<Process> processes = new ArrayList<>();
            try {
                Instance a = start(database, dir, "a", processes);
                Instance b = start(database, dir, "b", processes);
                aProjectWithAnn(a);

                AtomicInteger conflicts = new AtomicInteger();
                List<CompletableFuture<Void>> writers = new ArrayList<>();
                for (int writer = 0; writer < 4; writer++) {
                    Instance to = writer % 2 == 0 ? a : b;
                    int w = writer;
                    writers.add(CompletableFuture.runAsync(() -> meetings(to, "w" + w, 15, conflicts)));
                }
                writers.forEach(CompletableFuture::join);
                System.out.println("two instances: " + conflicts.get() + " concurrent appends answered 409, retried");

                Set<String> owners = awaitAllSegmentsClaimed(database);
                Instance holder = owners.contains(a.owner()) ? a : b;
                Instance survivor = holder == a ? b : a;
                holder.process().destroyForcibly().waitFor();

                meetings(survivor, "after", 10, conflicts);
                long start = System.nanoTime();
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(250))
                        .untilAsserted(() ->
                                assertThat(awaitAllSegmentsClaimed(database)).containsExactly(survivor.owner()));
                System.out.printf(
                        "two instances: the survivor claimed every segment %.1f s after the kill%n",
                        (System.nanoTime() - start) / 1e9);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    long events = count(database, "SELECT COUNT(*) FROM domain_event_entry");
                    assertThat(events).isEqualTo(2 + 4 * 15 + 10);
                    assertThat(count(database, "SELECT COUNT(*) FROM timeline_entry"))
                            .as("timeline entries")
                            .isEqualTo(events);
                    assertThat(count(database, "SELECT COUNT(DISTINCT event_id) FROM timeline_entry"))
                            .as("distinct events in the timeline")
                            .isEqualTo(events);
                });
            } finally {
                processes.forEach(Process::destroyForcibly);
            }
        }
    }

    /**
     * An import on one instance while the other records meetings: the other's commands wait for it
     * (an advisory lock across instances), so no processor, on either instance, reads past the
     * import's uncommitted rows. With the processors' gap bound at 100 and a file of thousands of
     * lines, a command committed during the import would leave most of it out of the read models.
     */
    @Test
    void anImportOnOneInstanceHoldsTheOthersCommandsUntilItCommits() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.createOrSkip()) {
            Path dir = Path.of("./target/test-data/two-instances-" + UUID.randomUUID());
            Files.createDirectories(dir);
            List<Process> processes = new ArrayList<>();
            try {
                Instance a = start(database, dir, "a", processes, "--timeline.event-store.max-gap-offset=100");
                Instance b = start(database, dir, "b", processes, "--timeline.event-store.max-gap-offset=100");
                aProjectWithAnn(a);
                String file = String.join("\n", InterleavedStudies.study("imported-study", 3)) + "\n";

                AtomicBoolean importing = new AtomicBoolean(true);
                AtomicInteger recorded = new AtomicInteger();
                CompletableFuture<Void> beside = CompletableFuture.runAsync(() -> {
                    while (importing.get()) {
                        meetings(b, "beside-" + recorded.getAndIncrement(), 1, new AtomicInteger());
                    }
                });
                Door.Answer imported;
                try {
                    imported = a.door().send(Door.ADMIN, "POST", "/api/import", file, "application/x-ndjson");
                } finally {
                    importing.set(false);
                }
                beside.join();
                ok(imported);

                assertThat(recorded.get())
                        .as("meetings recorded on the other instance")
                        .isPositive();
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    long events = count(database, "SELECT COUNT(*) FROM domain_event_entry");
                    assertThat(count(database, "SELECT COUNT(*) FROM timeline_entry"))
                            .as("timeline entries, one for each of the %d events", events)
                            .isEqualTo(events);
                });
            } finally {
                processes.forEach(Process::destroyForcibly);
            }
        }
    }

    /** The project both instances record in, with its one member, registered through {@code a}. */
    private static void aProjectWithAnn(Instance a) {
        ok(a.door()
                .send(
                        Door.ADMIN,
                        "POST",
                        "/api/projects",
                        """
                {"projectId":"%s","title":"Two instances","occurredAt":"2024-01-01"}"""
                                .formatted(PROJECT)));
        ok(
                a.door()
                        .send(
                                Door.ADMIN,
                                "POST",
                                "/api/projects/" + PROJECT + "/members",
                                """
                {"memberId":"m-1","name":"Ann","role":"RESEARCHER","perspectives":["ACADEMIC"],\
                "occurredAt":"2024-01-02"}"""));
    }

    record Instance(Process process, Door door) {
        /** The owner Axon writes in token_entry: the JVM's runtime name, pid@host. */
        String owner() {
            return process.pid() + "@";
        }
    }

    /** Records meetings one after another, retrying each after a 409 (a concurrent append). */
    private static void meetings(Instance to, String prefix, int count, AtomicInteger conflicts) {
        for (int i = 0; i < count; i++) {
            String body =
                    """
                    {"meetingId":"%s-%d","title":"Meeting %s %d","kind":"TEAM","attendees":["m-1"],\
                    "occurredAt":"2024-02-01"}"""
                            .formatted(prefix, i, prefix, i);
            Door.Answer answer = to.door().send(Door.ADMIN, "POST", "/api/projects/" + PROJECT + "/meetings", body);
            while (answer.status() == 409) {
                conflicts.incrementAndGet();
                answer = to.door().send(Door.ADMIN, "POST", "/api/projects/" + PROJECT + "/meetings", body);
            }
            ok(answer);
        }
    }

    private static void ok(Door.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
    }

    /** The owners of the processors' segments once every one is claimed (owner prefixes pid@). */
    private static Set<String> awaitAllSegmentsClaimed(PostgresDatabase database) {
        Set<String> owners = new HashSet<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            owners.clear();
            try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "");
                    ResultSet rows = connection.createStatement().executeQuery("SELECT owner FROM token_entry")) {
                int segments = 0;
                while (rows.next()) {
                    segments++;
                    String owner = rows.getString(1);
                    assertThat(owner).as("every segment claimed").isNotNull();
                    owners.add(owner.substring(0, owner.indexOf('@') + 1));
                }
                assertThat(segments).isGreaterThan(4);
            }
        });
        return owners;
    }

    private static long count(PostgresDatabase database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "");
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Instance start(
            PostgresDatabase database, Path dir, String name, List<Process> processes, String... more)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = dir.resolve(name);
        Files.createDirectories(data);
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=",
                "--timeline.data-dir=" + data,
                "--timeline.keys.master-key-file=" + dir.resolve("master-key.json"),
                "--timeline.demo.load-on-empty-store=false"));
        arguments.addAll(List.of(more));
        Process process = ChildJvm.start(
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Ddisable-axoniq-console-message=true"),
                TimelineApplication.class,
                arguments,
                data.resolve("out.log"));
        processes.add(process);
        Door door = new Door(port);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(process.isAlive())
                            .as("instance %s is running: %s", name, Files.readString(data.resolve("out.log")))
                            .isTrue();
                    assertThat(door.send(null, "GET", "/actuator/health", null).status())
                            .isEqualTo(200);
                });
        return new Instance(process, door);
    }
}

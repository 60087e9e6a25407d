package org.coproduction.timeline.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coproduction.timeline.admin.ReadModels;
import org.coproduction.timeline.api.LifecycleCommand.RegisterProject;
import org.coproduction.timeline.testing.CaughtUp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An import that starts beside running processors (a file too small to pause them for) while
 * commands commit beside it: a processor that reads a command's event, committed after the import's
 * uncommitted rows were given their positions, keeps only {@code max-gap-offset} positions below it
 * as gaps to come back to. Here that bound is 100 and the file holds thousands of lines, so if the
 * commands committed while the import is open, the timeline would never show most of the file
 * (AxonFramework issue 4829's skipped slow transaction, in one instance): they wait for it instead
 * ({@code AppendGate}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "timeline.event-store.max-gap-offset=100",
            "timeline.import.pause-processors-above-bytes=1000000000"
        })
class ImportBesideProcessorsTest {

    @Autowired
    JsonLinesImporter importer;

    @Autowired
    CommandGateway commands;

    @Autowired
    ReadModels readModels;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void everyLineOfAnImportBesideCommandsReachesTheReadModels() throws Exception {
        importer.importFile(
                Files.write(dir.resolve("first.jsonl"), InterleavedStudies.study("first-study", 1)),
                ImportProgress.NONE);
        awaitCaughtUp();

        List<String> lines = new ArrayList<>();
        for (int study = 0; study < 2; study++) {
            lines.addAll(InterleavedStudies.study("study-" + study, 10 + study));
        }
        Path file = Files.write(dir.resolve("studies.jsonl"), lines);
        AtomicBoolean importing = new AtomicBoolean(true);
        AtomicInteger registered = new AtomicInteger();
        CompletableFuture<Void> beside = CompletableFuture.runAsync(() -> {
            while (importing.get()) {
                int n = registered.getAndIncrement();
                commands.sendAndWait(new RegisterProject(
                        "beside-" + n, Instant.parse("2021-01-04T09:00:00Z"), "Beside " + n, null, null));
                sleep(5);
            }
        });
        ImportResult result;
        try {
            result = importer.importFile(file, ImportProgress.NONE);
        } finally {
            importing.set(false);
        }
        beside.join();
        awaitCaughtUp();

        assertThat(result.imported()).isEqualTo(lines.size());
        assertThat(registered.get()).as("commands sent beside the import").isPositive();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM project_summary WHERE project_id LIKE 'beside-%'", Long.class))
                .as("the projects registered beside the import")
                .isEqualTo(registered.get());
        Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        Long shown = jdbc.queryForObject("SELECT COUNT(*) FROM timeline_entry", Long.class);
        assertThat(shown).as("timeline entries, one for each stored event").isEqualTo(stored);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM project_summary WHERE project_id LIKE 'study-%'", Long.class))
                .as("the imported projects the project list shows")
                .isEqualTo(2);
    }

    private void awaitCaughtUp() {
        CaughtUp.await(readModels, readModels.head(), Duration.ofSeconds(60));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

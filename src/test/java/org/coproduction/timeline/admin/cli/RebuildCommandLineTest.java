package org.coproduction.timeline.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.coproduction.timeline.TimelineApplication;
import org.coproduction.timeline.interchange.InterchangeFile;
import org.coproduction.timeline.interchange.cli.InterchangeCommandLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line rebuilds the read models of a store without the web server. */
class RebuildCommandLineTest {

    private static final String PROJECT = "cli-rebuilt-study";

    @TempDir
    Path dir;

    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void captureErrors() {
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErrors() {
        System.setErr(originalErr);
    }

    @Test
    void rebuildsEveryReadModelOfAStoreAndReportsTheRate() throws Exception {
        String store = "--timeline.data-dir=./target/test-data/cli-rebuild-" + UUID.randomUUID();
        Path file = dir.resolve("history.jsonl");
        Files.writeString(
                file,
                new InterchangeFile(PROJECT)
                        .add("ProjectRegistered", "2021-01-11", "2021-01-11T09:00:00Z", "title", "Rebuilt")
                        .memberJoined(
                                "2021-01-11T09:00:00Z", "2021-01-11T09:05:00Z", "ann", "Ann", "RESEARCHER", "ACADEMIC")
                        .text());
        assertThat(InterchangeCommandLine.run(
                        TimelineApplication.class, new String[] {"import", file.toString(), store}))
                .isZero();

        int code = RebuildCommandLine.run(TimelineApplication.class, new String[] {"rebuild", "all", store});

        assertThat(code).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("rebuilt influence: 2 events in")
                .contains("rebuilt projects: 2 events in")
                .contains("rebuilt timeline: 2 events in")
                .contains("events/s)");
    }

    @Test
    void refusesAnUnknownReadModelWithExitCodeTwo() {
        String store = "--timeline.data-dir=./target/test-data/cli-rebuild-" + UUID.randomUUID();

        int code = RebuildCommandLine.run(TimelineApplication.class, new String[] {"rebuild", "no-such-model", store});

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("no read model is called no-such-model")
                .contains("timeline");
    }

    @Test
    void answersUsageWithoutAName() {
        assertThat(RebuildCommandLine.run(TimelineApplication.class, new String[] {"rebuild"}))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: rebuild");
    }
}

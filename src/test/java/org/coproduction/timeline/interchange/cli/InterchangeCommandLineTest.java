package org.coproduction.timeline.interchange.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.coproduction.timeline.TimelineApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line imports into and exports from a store without the web server. */
class InterchangeCommandLineTest {

    private static final String PROJECT = "cli-study";
    private static final List<String> LINES = List.of(
            "{\"type\":\"ProjectRegistered\",\"eventId\":\"00000000-0000-0000-0000-00000000c101\","
                    + "\"recordedAt\":\"2021-01-11T09:00:00Z\",\"data\":{\"projectId\":\"cli-study\","
                    + "\"occurredAt\":\"2021-01-11\",\"title\":\"A study run from the command line\"}}",
            "{\"type\":\"MemberJoined\",\"eventId\":\"00000000-0000-0000-0000-00000000c102\","
                    + "\"recordedAt\":\"2021-01-11T09:05:00Z\",\"data\":{\"projectId\":\"cli-study\","
                    + "\"occurredAt\":\"2021-01-11T09:00:00Z\",\"memberId\":\"ann\",\"name\":\"Ann\","
                    + "\"role\":\"RESEARCHER\",\"perspectives\":[\"ACADEMIC\"]}}");

    @TempDir
    Path dir;

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void captureOutput() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void importsAFileAndExportsItToStandardOutput() throws Exception {
        Path file = dir.resolve("history.jsonl");
        Files.write(file, LINES);
        String store = "--timeline.data-dir=./target/test-data/cli-" + UUID.randomUUID();

        int imported =
                InterchangeCommandLine.run(TimelineApplication.class, new String[] {"import", file.toString(), store});
        int exported = InterchangeCommandLine.run(TimelineApplication.class, new String[] {"export", PROJECT, store});

        assertThat(imported).isZero();
        assertThat(exported).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("imported 2, already present 0");
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("{\"type\":"))
                .anySatisfy(line -> assertThat(line).contains("00000000-0000-0000-0000-00000000c102"));
    }

    @Test
    void refusesABadFileWithItsLineNumbersAndExitCodeOne() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, List.of(LINES.get(0), "{\"type\":\"MeetingCancelled\",\"data\":{}}"));
        String store = "--timeline.data-dir=./target/test-data/cli-" + UUID.randomUUID();

        int code =
                InterchangeCommandLine.run(TimelineApplication.class, new String[] {"import", file.toString(), store});

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("nothing was stored")
                .contains("line 2: type");
    }

    @Test
    void answersUsageForAMissingArgument() {
        assertThat(InterchangeCommandLine.run(TimelineApplication.class, new String[] {"import"}))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }
}

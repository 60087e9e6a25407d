package org.coproduction.timeline.interchange.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.coproduction.timeline.api.Require;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.interchange.ImportError;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.ImportRejectedException;
import org.coproduction.timeline.interchange.ImportResult;
import org.coproduction.timeline.interchange.JsonLinesExporter;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.coproduction.timeline.platform.CommandLine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code import FILE} and {@code export PROJECT [--asOf=D] [--knownAt=T] > FILE}: the same importer
 * and exporter as the HTTP API, on the configured store, with the web server off, logs off the
 * console (standard output carries the export) and a progress bar on standard error.
 */
public final class InterchangeCommandLine {

    private static final Set<String> COMMANDS = Set.of("import", "export");

    private InterchangeCommandLine() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command and returns the process exit code. */
    public static int run(Class<?> application, String[] args) {
        CommandLine.Arguments arguments = CommandLine.Arguments.of(args);
        List<String> words = arguments.words();
        List<String> options = arguments.options();
        if (words.size() != 2) {
            System.err.println("usage: import FILE | export PROJECT [--asOf=DATE] [--knownAt=DATE]");
            return 2;
        }
        try (ConfigurableApplicationContext context = CommandLine.start(application, options)) {
            return words.get(0).equals("import")
                    ? importFile(context.getBean(JsonLinesImporter.class), Path.of(words.get(1)))
                    : export(context.getBean(JsonLinesExporter.class), words.get(1), options);
        }
    }

    private static int importFile(JsonLinesImporter importer, Path file) throws RuntimeException {
        if (!Files.isReadable(file)) {
            System.err.println("cannot read " + file);
            return 2;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long start = System.nanoTime();
        try (ProgressBar validating = bar("Validating", size, " MB", 1 << 20);
                ProgressBar storing = bar("Storing", 1, " events", 1)) {
            ImportResult result = importer.importFile(file, new ImportProgress() {
                @Override
                public void validated(long lines, long bytes) {
                    validating.stepTo(Math.min(bytes, size));
                }

                @Override
                public void stored(long lines, long ofLines) {
                    storing.maxHint(Math.max(ofLines, 1));
                    storing.stepTo(lines);
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            validating.close();
            storing.close();
            System.err.printf(
                    "imported %d, already present %d, in %.2f s (%.0f lines/s)%n",
                    result.imported(),
                    result.alreadyPresent(),
                    seconds,
                    (result.imported() + result.alreadyPresent()) / seconds);
            return 0;
        } catch (ImportRejectedException e) {
            System.err.println("import refused, nothing was stored: " + e.getMessage());
            for (ImportError error : e.errors()) {
                System.err.printf("line %d: %s %s%n", error.line(), error.field(), error.message());
            }
            return 1;
        }
    }

    private static int export(JsonLinesExporter exporter, String projectId, List<String> options) {
        Instant asOf = option(options, "asOf");
        Instant knownAt = option(options, "knownAt");
        try {
            JsonLinesExporter.Export export = exporter.open(projectId);
            OutputStream out = new BufferedOutputStream(new PrintStream(System.out, false), 1 << 16);
            long lines = export.writeTo(out, asOf, knownAt);
            System.err.printf("exported %d events of %s%n", lines, projectId);
            return 0;
        } catch (RuleViolationException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private static Instant option(List<String> options, String name) {
        return options.stream()
                .filter(o -> o.startsWith("--" + name + "="))
                .map(o -> Require.requestedTime(name, o.substring(name.length() + 3)))
                .findFirst()
                .orElse(null);
    }

    private static ProgressBar bar(String task, long max, String unit, long unitSize) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setUnit(unit, unitSize)
                .setStyle(ProgressBarStyle.ASCII)
                .continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }
}

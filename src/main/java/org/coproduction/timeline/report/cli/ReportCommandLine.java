package org.coproduction.timeline.report.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.Require;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.platform.CommandLine;
import org.coproduction.timeline.report.api.LifecycleReport;
import org.coproduction.timeline.report.query.DocxReport;
import org.coproduction.timeline.report.query.HtmlReport;
import org.coproduction.timeline.report.query.LifecycleReportQuery;
import org.coproduction.timeline.report.query.MarkdownReport;
import org.coproduction.timeline.report.query.PdfReport;
import org.coproduction.timeline.report.query.ReportOptions;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code report PROJECT --format html|md|json|pdf --out FILE [--asOf=D] [--knownAt=T] [--appendix=A]}: the lifecycle
 * report the HTTP API serves, written to a file from the configured store with the web server off,
 * and a progress bar over its steps on standard error. The file appears only once complete (written
 * beside it, then moved). Exit code 0 when written, 1 for an unknown project or a failed write, 2
 * for a usage error (wrong arguments, unknown format, bad time).
 */
public final class ReportCommandLine {

    private static final String COMMAND = "report";
    private static final Set<String> FORMATS = Set.of("html", "md", "json", "pdf", "docx");
    /** Options that take a value, accepted as {@code --name=value} or {@code --name value}. */
    private static final Set<String> VALUED =
            Set.of("--format", "--out", "--asOf", "--knownAt", "--appendix", "--gripp2");

    private static final String USAGE =
            "usage: report PROJECT --format html|md|json|pdf|docx --out FILE [--asOf=DATE] [--knownAt=DATE]"
                    + " [--appendix=none|summary|full] [--gripp2=short|long] [--spring.options]";

    private ReportCommandLine() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals(COMMAND);
    }

    /** Runs the command and returns the process exit code. */
    public static int run(Class<?> application, String[] args) {
        CommandLine.Arguments arguments = CommandLine.Arguments.of(joinValues(args));
        List<String> springOptions = arguments.options().stream()
                .filter(o -> VALUED.stream().noneMatch(v -> o.startsWith(v + "=")))
                .toList();
        Optional<String> out = option(arguments.options(), "--out");
        String format = option(arguments.options(), "--format").orElse("html").toLowerCase(Locale.ROOT);
        if (arguments.words().size() != 2 || out.isEmpty() || out.get().isBlank()) {
            System.err.println(USAGE);
            return 2;
        }
        if (!FORMATS.contains(format)) {
            System.err.println("unknown format " + format + ": must be html, md, json, pdf or docx");
            return 2;
        }
        Instant asOf;
        Instant knownAt;
        ReportOptions options;
        try {
            options = ReportOptions.parse(
                    option(arguments.options(), "--appendix").orElse(null),
                    option(arguments.options(), "--gripp2").orElse(null));
            asOf = option(arguments.options(), "--asOf")
                    .map(v -> Require.requestedTime("asOf", v))
                    .orElse(null);
            knownAt = option(arguments.options(), "--knownAt")
                    .map(v -> Require.requestedTime("knownAt", v))
                    .orElse(null);
        } catch (InvalidFieldException e) {
            System.err.println(e.field() + " " + e.reason());
            return 2;
        }
        Path file = Path.of(out.get()).toAbsolutePath();
        if (!Files.isDirectory(file.getParent())) {
            System.err.println("cannot write " + file + ": no such directory " + file.getParent());
            return 2;
        }
        try (ConfigurableApplicationContext context = CommandLine.start(application, springOptions)) {
            Instant now = context.getBean(Clock.class).instant();
            return report(
                    context,
                    arguments.words().get(1),
                    new PointInTime(asOf == null ? now : asOf, knownAt == null ? now : knownAt),
                    format,
                    options,
                    file);
        }
    }

    private static int report(
            ConfigurableApplicationContext context,
            String projectId,
            PointInTime at,
            String format,
            ReportOptions options,
            Path file) {
        long start = System.nanoTime();
        long reported = start;
        Path partial = null;
        try (ProgressBar bar = bar(projectId, LifecycleReportQuery.STEPS.size() + 1)) {
            LifecycleReport report = context.getBean(LifecycleReportQuery.class).report(projectId, at, step -> {
                bar.setExtraMessage(step);
                bar.step();
            });
            bar.setExtraMessage("render " + format);
            reported = System.nanoTime();
            partial = file.resolveSibling("." + file.getFileName() + ".partial");
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                switch (format) {
                    case "pdf" -> PdfReport.write(report, options, stream);
                    case "docx" -> DocxReport.write(report, options, stream);
                    case "json" -> context.getBean(ObjectMapper.class)
                            .writerWithDefaultPrettyPrinter()
                            .writeValue(stream, report);
                    case "md" -> stream.write(
                            MarkdownReport.render(report, options).getBytes(StandardCharsets.UTF_8));
                    default -> stream.write(HtmlReport.render(report, options).getBytes(StandardCharsets.UTF_8));
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            partial = null;
            bar.setExtraMessage("written");
            bar.step();
        } catch (RuleViolationException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot write " + file + ": " + e);
            return 1;
        } finally {
            deleteQuietly(partial);
        }
        long end = System.nanoTime();
        System.err.printf(
                Locale.ROOT,
                "wrote the %s report of %s to %s (%d bytes) in %.2f s (report %.2f s, %s %.2f s)%n",
                format,
                projectId,
                file,
                size(file),
                (end - start) / 1e9,
                (reported - start) / 1e9,
                format,
                (end - reported) / 1e9);
        return 0;
    }

    /** {@code --out FILE} as {@code --out=FILE}, so that the value is not taken for a word. */
    private static String[] joinValues(String[] args) {
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (VALUED.contains(args[i]) && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                joined.add(args[i] + "=" + args[++i]);
            } else {
                joined.add(args[i]);
            }
        }
        return joined.toArray(String[]::new);
    }

    private static Optional<String> option(List<String> options, String name) {
        return options.stream()
                .filter(o -> o.startsWith(name + "="))
                .map(o -> o.substring(name.length() + 1))
                .findFirst();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path partial) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            System.err.println("could not remove " + partial + ": " + e.getMessage());
        }
    }

    private static ProgressBar bar(String projectId, int steps) {
        return new ProgressBarBuilder()
                .setTaskName(projectId)
                .setInitialMax(steps)
                .setUnit(" steps", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }
}

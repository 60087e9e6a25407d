package org.coproduction.timeline.admin.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.coproduction.timeline.admin.ReadModels;
import org.coproduction.timeline.admin.api.ProjectionState;
import org.coproduction.timeline.admin.api.ProjectionStatus;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.platform.CommandLine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code rebuild NAME|all}: clears the named read models of the configured store and replays the
 * event store into them, with the web server off, a progress bar per read model on standard error
 * until each has caught up with the head as it was at the start, then the rate. Exit code 0 when
 * all have caught up, 1 when one fails or cannot be reset (another instance holds its segments),
 * 2 for an unknown name. A failed or interrupted replay resumes where it stopped at the next start.
 */
public final class RebuildCommandLine {

    private static final String COMMAND = "rebuild";
    private static final long POLL_MILLIS = 100;

    private RebuildCommandLine() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals(COMMAND);
    }

    /** Runs the command and returns the process exit code. */
    public static int run(Class<?> application, String[] args) {
        CommandLine.Arguments arguments = CommandLine.Arguments.of(args);
        if (arguments.words().size() != 2) {
            System.err.println("usage: rebuild NAME|all [--spring.options]");
            return 2;
        }
        try (ConfigurableApplicationContext context = CommandLine.start(application, arguments.options())) {
            return rebuild(context.getBean(ReadModels.class), arguments.words().get(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * Rebuilds the named read models (or {@code all}), a progress bar each, and waits until they have
     * caught up; answers the exit code.
     */
    static int rebuild(ReadModels readModels, String target) throws InterruptedException {
        List<String> known = readModels.names();
        if (!target.equals("all") && !known.contains(target)) {
            System.err.println(
                    "no read model is called " + target + "; there are " + String.join(", ", known) + " (or all)");
            return 2;
        }
        List<String> names = target.equals("all") ? known : List.of(target);
        long head = readModels.head();
        long start = System.nanoTime();
        try {
            readModels.rebuild(names);
        } catch (RuleViolationException e) {
            System.err.println("cannot rebuild: " + e.getMessage());
            return 1;
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, ProgressBar> bars = new LinkedHashMap<>();
        names.forEach(name -> bars.put(name, bar(name, head)));
        try {
            while (seconds.size() < names.size()) {
                for (String name : names) {
                    if (seconds.containsKey(name)) {
                        continue;
                    }
                    ProjectionStatus status = readModels.status(name);
                    bars.get(name).stepTo(Math.min(status.position(), head));
                    if (status.status() == ProjectionState.ERROR) {
                        bars.values().forEach(ProgressBar::close);
                        System.err.println(name + " failed: " + errors(status)
                                + "; the replay resumes where it stopped when the application next starts");
                        return 1;
                    }
                    if (status.caughtUpWith(head)) {
                        seconds.put(name, (System.nanoTime() - start) / 1e9);
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        } finally {
            bars.values().forEach(ProgressBar::close);
        }
        seconds.forEach((name, s) -> System.err.printf(
                "rebuilt %s: %d events in %.2f s (%.0f events/s)%n", name, head, s, head / Math.max(s, 1e-3)));
        return 0;
    }

    private static String errors(ProjectionStatus status) {
        List<String> errors = new ArrayList<>();
        status.segments().stream()
                .filter(s -> s.error() != null)
                .forEach(s -> errors.add("segment " + s.segment() + ": " + s.error()));
        return errors.isEmpty() ? "the processor is in error" : String.join("; ", errors);
    }

    /** A progress bar on standard error, up to {@code head} events. */
    static ProgressBar bar(String name, long head) {
        return new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(Math.max(head, 1))
                .setUnit(" events", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }
}

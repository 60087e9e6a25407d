package org.coproduction.timeline.admin.cli;

import me.tongfei.progressbar.ProgressBar;
import org.coproduction.timeline.admin.ReadModels;
import org.coproduction.timeline.platform.CommandLine;
import org.coproduction.timeline.platform.axon.ProcessorPause;
import org.coproduction.timeline.privacy.CompactionAtStart;
import org.coproduction.timeline.privacy.StoreSealing;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code seal-store}: migrates a store written before personal text was sealed (docs/privacy.md),
 * once, with the web server off: copies the event store into a new one with every member's name,
 * turn summary, note, reflection and interview summary sealed (same event ids, order and recorded
 * times), replaces the old with it, rebuilds the read models (which may hold names in the clear) and
 * compacts an H2 file, so that no page of it keeps text in the clear. A progress bar per step on
 * standard error. Exit code 0 when done or when nothing was in the clear, 1 on a failure (the old
 * store is then as it was).
 */
public final class SealStoreCommandLine {

    private static final String COMMAND = "seal-store";

    private SealStoreCommandLine() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals(COMMAND);
    }

    /** Runs the command and returns the process exit code. */
    public static int run(Class<?> application, String[] args) {
        CommandLine.Arguments arguments = CommandLine.Arguments.of(args);
        if (arguments.words().size() != 1) {
            System.err.println("usage: seal-store [--spring.options]");
            return 2;
        }
        ConfigurableEnvironment environment;
        try (ConfigurableApplicationContext context = CommandLine.start(application, arguments.options())) {
            environment = context.getEnvironment();
            StoreSealing store = context.getBean(StoreSealing.class);
            if (!store.holdsTextInTheClear()) {
                System.err.println("Every member's personal text in this store is sealed already: nothing to do.");
                return 0;
            }
            long events = context.getBean(JdbcTemplate.class)
                    .queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
            System.err.printf("Personal text is stored in the clear; copying the store's %d events%n", events);
            StoreSealing.Result result;
            try (ProgressBar bar = RebuildCommandLine.bar("seal", events)) {
                result = context.getBean(ProcessorPause.class).during(() -> store.copyAndReplace(bar::stepTo));
            }
            System.err.printf(
                    "copied %d events into the sealed store, %d of them sealed now; the old store is dropped%n",
                    result.events(), result.sealed());
            int rebuilt = RebuildCommandLine.rebuild(context.getBean(ReadModels.class), "all");
            if (rebuilt != 0) {
                return rebuilt;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            System.err.println("seal-store failed, the store is as it was: " + e.getMessage());
            return 1;
        }
        CompactionAtStart.compact(environment);
        System.err.println("Done: no personal text is stored in the clear any more.");
        return 0;
    }
}

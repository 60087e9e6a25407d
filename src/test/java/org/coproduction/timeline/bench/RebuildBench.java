package org.coproduction.timeline.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.coproduction.timeline.TimelineApplication;
import org.coproduction.timeline.admin.ReadModels;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code RebuildBench DATA_DIR [NAME[,NAME...]|all] [--spring.args...]} opens an existing store, waits until
 * every read model has caught up, then rebuilds the named read models (default {@code timeline};
 * {@code all} rebuilds every one together) through {@link ReadModels#rebuild(List)}, as the admin
 * endpoint and the command line do, and times it until each is running at the head again.
 * {@code --timeline.rebuild.bulk=false} times the processors' own replay instead of the bulk pass.
 * Also prints the process's CPU time over the rebuild, which a busy machine disturbs less, and each
 * thread's (the JIT compilers and collectors included). {@code -Drebuild.runs=N} rebuilds N times in
 * the same JVM: the first run pays for compiling the code it runs, as a rebuild from the command line
 * does; later ones are what a server that has already rebuilt once sees.
 */
public final class RebuildBench {

    private RebuildBench() {}

    public static void main(String[] args) throws Exception {
        String target = args.length > 1 ? args[1] : "timeline";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TimelineApplication.class)
                .web(WebApplicationType.NONE)
                .run(Stream.concat(
                                Stream.of(
                                        "--timeline.data-dir=" + args[0], "--timeline.demo.load-on-empty-store=false"),
                                Arrays.stream(args).skip(2))
                        .toArray(String[]::new))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
            Processors.awaitAllAtHead(app);
            ReadModels readModels = app.getBean(ReadModels.class);
            List<String> names = target.equals("all") ? readModels.names() : List.of(target.split(","));
            long head = readModels.head();
            int runs = Integer.getInteger("rebuild.runs", 1);
            for (int run = 1; run <= runs; run++) {
                var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                long cpuStart = os.getProcessCpuTime();
                ThreadTimes threads = ThreadTimes.start();
                long start = System.nanoTime();
                readModels.rebuild(names);
                long deadline = start + Duration.ofMinutes(30).toNanos();
                while (!names.stream().allMatch(n -> readModels.status(n).caughtUpWith(head))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no catch-up in 30 minutes: " + readModels.all());
                    }
                    Thread.sleep(20);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
                System.out.printf(
                        "rebuild %s (run %d): %d events in %.2f s = %.0f events/s; %.1f s CPU = %.0f events per CPU-second"
                                + " (max heap %d MB, load average %.1f)%n",
                        String.join("+", names),
                        run,
                        events,
                        seconds,
                        events / seconds,
                        cpu,
                        events / cpu,
                        Runtime.getRuntime().maxMemory() >> 20,
                        os.getSystemLoadAverage());
                System.out.println("CPU by thread: " + threads.stop());
            }
        }
    }
}

package org.coproduction.timeline.bench;

import java.time.Instant;
import java.util.Arrays;
import org.coproduction.timeline.TimelineApplication;
import org.coproduction.timeline.fold.query.ProjectHistoryReader;
import org.coproduction.timeline.replay.api.ProjectReplay;
import org.coproduction.timeline.replay.query.ReplayQuery;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ReplayBench DATA_DIR PROJECT [RUNS]} opens an existing store and times full replays of
 * one project (all phases, as known now), once the read models have caught up and after as many
 * warm-up replays, printing the times and the heap in use afterwards.
 */
public final class ReplayBench {

    private ReplayBench() {}

    public static void main(String[] args) throws InterruptedException {
        String projectId = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TimelineApplication.class)
                .web(WebApplicationType.NONE)
                .run("--timeline.data-dir=" + args[0], "--timeline.demo.load-on-empty-store=false")) {
            Processors.awaitAllAtHead(app);
            ReplayQuery replays = app.getBean(ReplayQuery.class);
            for (int i = 0; i < runs; i++) {
                replays.replay(projectId, Instant.now(), null);
            }
            double[] millis = new double[runs];
            ProjectReplay last = null;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                last = replays.replay(projectId, Instant.now(), null);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            ProjectHistoryReader reader = app.getBean(ProjectHistoryReader.class);
            double[] foldMillis = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                reader.read(projectId, Instant.now());
                foldMillis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(foldMillis);
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            System.out.printf(
                    "replay %s: %d events, %d phases: min %.0f ms, median %.0f ms, max %.0f ms over %d runs"
                            + " (of which the fold of the events: median %.0f ms; heap in use after GC %d MB of max %d MB)%n",
                    projectId,
                    last.events(),
                    last.phases().size(),
                    millis[0],
                    millis[runs / 2],
                    millis[runs - 1],
                    runs,
                    foldMillis[runs / 2],
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                    runtime.maxMemory() >> 20);
        }
    }
}

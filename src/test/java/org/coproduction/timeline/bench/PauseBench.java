package org.coproduction.timeline.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.coproduction.timeline.TimelineApplication;
import org.coproduction.timeline.admin.ReadModels;
import org.coproduction.timeline.platform.axon.ProcessorPause;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code PauseBench DATA_DIR [TIMES]} times what an import pays to pause this instance's event
 * processors ({@link ProcessorPause}: stop them all, then start them again), first with the
 * processors idle at the head, then while they replay (a rebuild of every read model by the
 * processors themselves, {@code --timeline.rebuild.bulk=false}), as they are when an import
 * follows another.
 */
public final class PauseBench {

    private PauseBench() {}

    public static void main(String[] args) throws Exception {
        int times = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TimelineApplication.class)
                .web(WebApplicationType.NONE)
                .run(Stream.concat(
                                Stream.of(
                                        "--timeline.data-dir=" + args[0],
                                        "--timeline.demo.load-on-empty-store=false",
                                        "--timeline.rebuild.bulk=false"),
                                Arrays.stream(args).skip(2))
                        .toArray(String[]::new))) {
            Processors.awaitAllAtHead(app);
            ProcessorPause pause = app.getBean(ProcessorPause.class);
            time("idle", pause, times);
            ReadModels readModels = app.getBean(ReadModels.class);
            readModels.rebuild(readModels.names());
            // Timed while the replay is under way: once every read model has handled events again.
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> readModels.all().stream().allMatch(status -> status.position() > 0));
            time("replaying", pause, times);
        }
    }

    private static void time(String what, ProcessorPause pause, int times) throws InterruptedException {
        long[] stop = new long[times];
        long[] total = new long[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            long[] stopped = new long[1];
            pause.during(() -> stopped[0] = System.nanoTime());
            total[i] = System.nanoTime() - start;
            stop[i] = stopped[0] - start;
            Thread.sleep(500);
        }
        Arrays.sort(stop);
        Arrays.sort(total);
        System.out.printf(
                "pause (%s, %d times): stop median %.0f ms (max %.0f), stop and start again median %.0f ms (max %.0f)%n",
                what,
                times,
                stop[times / 2] / 1e6,
                stop[times - 1] / 1e6,
                total[times / 2] / 1e6,
                total[times - 1] / 1e6);
    }
}

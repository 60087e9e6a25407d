package org.coproduction.timeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time each thread of this process spent while a benchmark ran, the JVM's own threads
 * (compilers, collectors) included, read from Linux's {@code /proc/self/task} every 100 ms so that
 * threads which end before the benchmark does are counted up to their last poll. Threads of one
 * pool are summed under the pool's name (digits dropped). Which thread holds the critical path, and
 * what else competes for the cores, is what a profile of samples does not tell. Elsewhere than on
 * Linux it reports nothing.
 */
final class ThreadTimes {

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Long> atStart = new HashMap<>();
    private final Map<String, Long> latest = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    private ThreadTimes() {
        poll(true);
        poller = new Thread(
                () -> {
                    while (running) {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                        poll(false);
                    }
                },
                "thread-times");
        poller.setDaemon(true);
        poller.start();
    }

    static ThreadTimes start() {
        return new ThreadTimes();
    }

    private synchronized void poll(boolean first) {
        if (!Files.isDirectory(TASKS)) {
            return;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    String id = task.getFileName().toString();
                    names.computeIfAbsent(id, k -> readName(task));
                    if (first) {
                        atStart.put(id, ticks);
                    }
                    latest.put(id, ticks);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between listing and reading: its last poll stands
                }
            });
        } catch (IOException e) {
            // no /proc: nothing to report
        }
    }

    private static String readName(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip().replaceAll("\\d+", "#");
        } catch (IOException e) {
            return "?";
        }
    }

    /** The busiest threads, in seconds of CPU since {@link #start()}, busiest first. */
    String stop() throws InterruptedException {
        running = false;
        poller.join();
        poll(false);
        Map<String, Long> byName = new HashMap<>();
        synchronized (this) {
            latest.forEach((id, ticks) -> byName.merge(names.get(id), ticks - atStart.getOrDefault(id, 0L), Long::sum));
        }
        return byName.entrySet().stream()
                .filter(e -> e.getValue() >= 20)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue() / TICKS_PER_SECOND))
                .collect(Collectors.joining(", "));
    }
}

package org.coproduction.timeline.bench;

import static org.coproduction.timeline.bench.Measure.get;
import static org.coproduction.timeline.bench.Measure.percentile;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.coproduction.timeline.TimelineApplication;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.influence.api.DecisionInfluencers;
import org.coproduction.timeline.influence.query.InfluenceReadModel;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code InfluenceBench DATA_DIR [QUERIES] [--spring.args...]} opens an existing store on a random
 * port, waits for the event processors to reach the head of the event store (printing how long each
 * took: on a freshly imported store they build from scratch), then times "who influenced a decision"
 * for QUERIES (default 20,000) random decisions at random (asOf, knownAt) within their project's
 * lifetime (one in ten at now/now): in process through {@link InfluenceReadModel}, then over HTTP
 * with one keep-alive client. The decision list and the influence summary are timed the same way
 * with a tenth as many calls. Each run is preceded by a warm-up of a quarter as many calls.
 */
public final class InfluenceBench {

    /** Fixed so that two runs ask the same questions. */
    private static final long SEED = 20261126L;

    private static final int NOW_ONE_IN = 10;

    /**
     * CPU time and allocation of the calling thread: figures a busy machine disturbs far less than
     * latency. They cover the whole call in process; over HTTP, only the client's side.
     */
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private InfluenceBench() {}

    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long launch = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TimelineApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(Stream.concat(
                                Stream.of(
                                        "--timeline.data-dir=" + dataDir,
                                        "--timeline.demo.load-on-empty-store=false",
                                        "--server.port=0",
                                        Measure.BOOTSTRAP_ADMIN),
                                Arrays.stream(args).skip(2))
                        .toArray(String[]::new))) {
            long ready = System.nanoTime();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
            long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
            System.out.printf(
                    "store: %d events, head %d, ready in %.1f s (max heap %d MB)%n",
                    events, head, (ready - launch) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
            awaitCatchUp(app, head, ready);

            Clock clock = app.getBean(Clock.class);
            List<Question> questions = questions(jdbc, clock.instant(), queries);
            InfluenceReadModel model = app.getBean(InfluenceReadModel.class);
            int answered = 0;
            int influencers = 0;
            for (Question q : questions) {
                DecisionInfluencers answer =
                        model.influencers(q.projectId, q.decisionId, new PointInTime(q.asOf, q.knownAt));
                answered += answer.proposedBy() == null ? 0 : 1;
                influencers += answer.influencers().size();
            }
            System.out.printf(
                    "questions: %d over %d decisions; %.0f%% see the proposal, %.2f influencers per answer%n",
                    questions.size(),
                    jdbc.queryForObject(
                            "SELECT COUNT(*) FROM (SELECT DISTINCT project_id, decision_id FROM influence_decision) d",
                            Long.class),
                    100.0 * answered / questions.size(),
                    (double) influencers / questions.size());

            List<Question> fewer = questions.subList(0, Math.max(1, questions.size() / 10));
            time(
                    "influencers, in process",
                    questions,
                    q -> model.influencers(q.projectId, q.decisionId, new PointInTime(q.asOf, q.knownAt)));
            time("decisions, in process", fewer, q -> model.decisions(q.projectId, new PointInTime(q.asOf, q.knownAt)));
            time(
                    "summary, in process",
                    fewer,
                    q -> model.summary(q.projectId, new PointInTime(q.asOf, q.knownAt), null));

            String base =
                    "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/api/projects/";
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            time(
                    "influencers, HTTP",
                    questions,
                    q -> get(http, base + q.projectId + "/decisions/" + q.decisionId + "/influencers" + q.query()));
            time("decisions, HTTP", fewer, q -> get(http, base + q.projectId + "/decisions" + q.query()));
            time("summary, HTTP", fewer, q -> get(http, base + q.projectId + "/influence" + q.query()));
        }
    }

    /** Waits for every streaming processor to reach the head and prints how long each took. */
    private static void awaitCatchUp(ConfigurableApplicationContext app, long head, long ready)
            throws InterruptedException {
        Map<String, StreamingEventProcessor> processors = new LinkedHashMap<>();
        app.getBean(EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                processors.put(name, streaming);
            }
        });
        Map<String, Long> atReady = new LinkedHashMap<>();
        processors.forEach((name, processor) -> atReady.put(name, Math.max(0, Processors.position(processor))));
        Map<String, Long> caughtUp = new LinkedHashMap<>();
        long deadline = ready + Duration.ofMinutes(30).toNanos();
        while (caughtUp.size() < processors.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("processors did not reach " + head + ": " + caughtUp);
            }
            processors.forEach((name, processor) -> {
                if (!caughtUp.containsKey(name) && Processors.position(processor) >= head) {
                    caughtUp.put(name, System.nanoTime());
                }
            });
            Thread.sleep(20);
        }
        caughtUp.forEach((name, at) -> {
            double seconds = (at - ready) / 1e9;
            long handled = head - atReady.get(name);
            System.out.printf(
                    "catch-up %s: at position %d when ready, head %d reached %.1f s later = %.0f events/s%n",
                    name, atReady.get(name), head, seconds, seconds == 0 ? 0 : handled / seconds);
        });
    }

    /** Random decisions at random times within their project's lifetime, one in ten at now/now. */
    private static List<Question> questions(JdbcTemplate jdbc, Instant now, int count) {
        Map<String, Instant[]> lifetimes = new LinkedHashMap<>();
        jdbc.query(
                "SELECT project_id, MIN(occurred_at), MAX(recorded_at) FROM ("
                        + " SELECT project_id, occurred_at, recorded_at FROM influence_project"
                        + " UNION ALL SELECT project_id, occurred_at, recorded_at FROM influence_decision"
                        + " UNION ALL SELECT project_id, occurred_at, recorded_at FROM influence_record"
                        + " UNION ALL SELECT project_id, occurred_at, recorded_at FROM influence_member"
                        + ") t GROUP BY project_id",
                rs -> {
                    lifetimes.put(rs.getString(1), new Instant[] {
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant()
                    });
                });
        List<String[]> decisions = jdbc.query(
                "SELECT DISTINCT project_id, decision_id FROM influence_decision ORDER BY project_id, decision_id",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
        Random random = new Random(SEED);
        List<Question> questions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] decision = decisions.get(random.nextInt(decisions.size()));
            Instant[] lifetime = lifetimes.get(decision[0]);
            if (random.nextInt(NOW_ONE_IN) == 0) {
                questions.add(new Question(decision[0], decision[1], now, now));
            } else {
                questions.add(new Question(
                        decision[0],
                        decision[1],
                        between(random, lifetime[0], lifetime[1]),
                        between(random, lifetime[0], lifetime[1])));
            }
        }
        return questions;
    }

    private static Instant between(Random random, Instant from, Instant to) {
        long seconds = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        return from.plusSeconds((long) (random.nextDouble() * seconds));
    }

    private static void time(String what, List<Question> questions, Call call) throws Exception {
        for (Question q : questions.subList(0, Math.max(1, questions.size() / 4))) {
            call.run(q);
        }
        long[] nanos = new long[questions.size()];
        long[] gcBefore = gc();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            call.run(questions.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long[] gcAfter = gc();
        // Asking the slowest 1% again tells a slow question (slow again) from a slow moment (GC, a
        // busy machine): the figure in brackets is the p50 of the second asking.
        Integer[] order = new Integer[nanos.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(nanos[b], nanos[a]));
        long[] again = new long[Math.max(1, nanos.length / 100)];
        for (int i = 0; i < again.length; i++) {
            long t = System.nanoTime();
            call.run(questions.get(order[i]));
            again[i] = System.nanoTime() - t;
        }
        Arrays.sort(again);
        Arrays.sort(nanos);
        System.out.printf(
                "%s: %d calls, %.0f/s, ms p50 %.3f p90 %.3f p99 %.3f p99.9 %.3f max %.3f"
                        + " (slowest 1%% asked again: p50 %.3f; GC meanwhile: %d pauses, %d ms;"
                        + " this thread per call: %.3f ms CPU, %.0f KB allocated)%n",
                what,
                nanos.length,
                nanos.length / seconds,
                percentile(nanos, 50),
                percentile(nanos, 90),
                percentile(nanos, 99),
                percentile(nanos, 99.9),
                nanos[nanos.length - 1] / 1e6,
                percentile(again, 50),
                gcAfter[0] - gcBefore[0],
                gcAfter[1] - gcBefore[1],
                cpu / 1e6 / nanos.length,
                allocated / 1024.0 / nanos.length);
    }

    /** Collections and milliseconds spent collecting so far, all collectors. */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, bean.getCollectionCount());
            millis += Math.max(0, bean.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    @FunctionalInterface
    private interface Call {
        void run(Question question) throws Exception;
    }

    private record Question(String projectId, String decisionId, Instant asOf, Instant knownAt) {
        String query() {
            return "?asOf=" + asOf + "&knownAt=" + knownAt;
        }
    }
}

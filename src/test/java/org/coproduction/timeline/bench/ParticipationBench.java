package org.coproduction.timeline.bench;

import static org.coproduction.timeline.bench.Measure.percentile;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.coproduction.timeline.TimelineApplication;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.fold.query.ProjectHistoryReader;
import org.coproduction.timeline.participation.api.Participation;
import org.coproduction.timeline.participation.api.WindowKind;
import org.coproduction.timeline.participation.query.FoldedParticipation;
import org.coproduction.timeline.participation.query.ParticipationQuery;
import org.coproduction.timeline.participation.query.ParticipationReadModel;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ParticipationBench DATA_DIR PROJECT BY CALLS [--spring.args...]} opens an existing store on
 * a random port, waits for every processor to reach the head of the event store, then times the
 * participation question for PROJECT by BY (phase, month, quarter, project) at now/now, CALLS
 * times each after a warm-up of a quarter as many: through {@link ParticipationQuery} in process
 * (the read model), its every figure and zero written as JSON by the server's {@code ObjectMapper} (as the
 * report writes a phase's), over HTTP with one keep-alive client with {@code detail=summary} and {@code full},
 * each as it is and gzipped (its size printed too), and, for comparison, folding the events
 * from the event store as an earlier knownAt does (a tenth as many calls).
 */
public final class ParticipationBench {

    /**
     * CPU time of the calling thread, which a busy machine disturbs far less than latency; over
     * HTTP it covers only the client's side.
     */
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ParticipationBench() {}

    public static void main(String[] args) throws Exception {
        String project = args[1];
        WindowKind by = WindowKind.valueOf(args[2].toUpperCase(Locale.ROOT));
        int calls = Integer.parseInt(args[3]);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TimelineApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(Stream.concat(
                                Stream.of(
                                        "--timeline.data-dir=" + args[0],
                                        "--timeline.demo.load-on-empty-store=false",
                                        "--server.port=0",
                                        Measure.BOOTSTRAP_ADMIN),
                                Arrays.stream(args).skip(4))
                        .toArray(String[]::new))) {
            Processors.awaitAllAtHead(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long events = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, project);
            long rows = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM participation_count WHERE project_id = ?", Long.class, project);
            long meetings = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM participation_meeting WHERE project_id = ?", Long.class, project);
            Clock clock = app.getBean(Clock.class);
            ParticipationQuery query = app.getBean(ParticipationQuery.class);
            Instant now = clock.instant();
            if (app.getBean(ParticipationReadModel.class)
                    .fold(project, new PointInTime(now, now))
                    .isEmpty()) {
                throw new IllegalStateException("the read model does not answer for " + project);
            }
            Participation answer = query.participation(project, by, new PointInTime(now, now));
            System.out.printf(
                    "participation %s by %s: %d events, %d meetings, %d count rows, %d windows%n",
                    project,
                    by.name().toLowerCase(Locale.ROOT),
                    events,
                    meetings,
                    rows,
                    answer.windows().size());

            time("read model, in process", calls, () -> {
                Instant t = clock.instant();
                query.participation(project, by, new PointInTime(t, t));
            });
            ObjectMapper json = app.getBean(ObjectMapper.class);
            System.out.printf(
                    "participation answer as JSON, every figure and zero (as the report writes it): %,d bytes%n",
                    json.writeValueAsBytes(answer).length);
            time(
                    "every figure and zero written as JSON (the server's ObjectMapper), in process",
                    calls,
                    () -> json.writeValueAsBytes(answer));
            String url = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/api/projects/"
                    + project + "/participation?by=" + by.name().toLowerCase(Locale.ROOT);
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            // The answer over HTTP as a page asks for it (detail=summary) and in full, each as it is
            // and gzipped (the client asks, and reads the bytes it is sent, as a browser does before
            // inflating them).
            for (String detail : List.of("summary", "full")) {
                for (boolean gzip : List.of(false, true)) {
                    String asked = url + "&detail=" + detail;
                    HttpResponse<byte[]> one = send(http, asked, gzip);
                    String what = "detail=" + detail + (gzip ? ", gzip" : "");
                    System.out.printf(
                            "participation answer over HTTP, %s: %,d bytes (Content-Encoding %s)%n",
                            what,
                            one.body().length,
                            one.headers().firstValue("Content-Encoding").orElse("none"));
                    time("read model, HTTP, " + what, calls, () -> send(http, asked, gzip));
                }
            }
            ProjectHistoryReader reader = app.getBean(ProjectHistoryReader.class);
            time("fold of the events (earlier knownAt), in process", Math.max(4, calls / 10), () -> {
                Instant t = clock.instant();
                FoldedParticipation.of(reader.read(project, t), t).participation(project, by);
            });
        }
    }

    private static HttpResponse<byte[]> send(HttpClient http, String url, boolean gzip) throws Exception {
        HttpRequest.Builder request = Measure.request(url).GET();
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response;
    }

    private static void time(String what, int calls, Call call) throws Exception {
        for (int i = 0; i < Math.max(1, calls / 4); i++) {
            call.run();
        }
        long[] nanos = new long[calls];
        long[] cpu = new long[calls];
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long c = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - t;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf(
                "participation %s: %d calls, %.0f/s, ms p50 %.2f p90 %.2f p99 %.2f max %.2f"
                        + " (CPU of the calling thread, ms: p50 %.2f p99 %.2f)%n",
                what,
                calls,
                calls / seconds,
                percentile(nanos, 50),
                percentile(nanos, 90),
                percentile(nanos, 99),
                nanos[nanos.length - 1] / 1e6,
                percentile(cpu, 50),
                percentile(cpu, 99));
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }
}

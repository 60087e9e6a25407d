package org.coproduction.timeline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.coproduction.timeline.demo.DemoProjectGenerator;

/**
 * Load against a running application, from another process, signed in as the benches' site
 * administrator ({@link Measure#request}): the projects it registers or imports are its own to record in.
 *
 * <ul>
 *   <li>{@code HttpBench import URL FILES} posts FILES demo-sized studies, each under its own project
 *       and event ids, one after another, and prints the rate of each (the first ones warm up).
 *   <li>{@code HttpBench import-settled URL FILES} does the same but waits, untimed, before each file
 *       until every read model has handled the previous one, so each import has the machine to itself.
 *   <li>{@code HttpBench commands URL CLIENTS SECONDS} has CLIENTS threads record contributions for
 *       SECONDS, each in its own project (an observer per study), and prints throughput and latency
 *       percentiles. {@code commands-shared} puts every client on the same project and meeting.
 * </ul>
 */
public final class HttpBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String[] CATEGORIES = {
        "AGREES", "GIVES_SUGGESTION", "GIVES_OPINION", "GIVES_ORIENTATION", "ASKS_FOR_OPINION", "DISAGREES"
    };

    private HttpBench() {}

    public static void main(String[] args) throws Exception {
        String base = args[1];
        switch (args[0]) {
            case "import" -> importFiles(base, Integer.parseInt(args[2]), false);
            case "import-settled" -> importFiles(base, Integer.parseInt(args[2]), true);
            case "commands" -> commands(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]), false);
            case "commands-shared" -> commands(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]), true);
            default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
    }

    private static void importFiles(String base, int files, boolean settled) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < files; i++) {
            String projectId = "bench-" + run + "-" + i;
            StringBuilder body = new StringBuilder();
            int lines = 0;
            for (ObjectNode line : new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED + i).events()) {
                ((ObjectNode) line.get("data")).put("projectId", projectId);
                line.put(
                        "eventId",
                        UUID.nameUUIDFromBytes(
                                        (projectId + line.get("eventId").asText()).getBytes(StandardCharsets.UTF_8))
                                .toString());
                body.append(JSON.writeValueAsString(line)).append('\n');
                lines++;
            }
            if (settled) {
                awaitReadModelsAtHead(base);
            }
            long start = System.nanoTime();
            HttpResponse<String> response = HTTP.send(
                    Measure.request(base + "/api/import")
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - start) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
            }
            System.out.printf("import %d: %d events in %.3f s = %.0f events/s%n", i, lines, seconds, lines / seconds);
        }
    }

    /** Untimed: until every read model has handled the previous import (each one's lag is 0). */
    private static void awaitReadModelsAtHead(String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = HTTP.send(
                    Measure.request(base + "/api/admin/projections").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "read model status answered " + response.statusCode() + ": " + response.body());
            }
            boolean atHead = true;
            for (var status : JSON.readTree(response.body())) {
                atHead &= status.path("lag").asLong(-1) == 0;
            }
            if (atHead) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("read models did not catch up in 2 minutes");
    }

    private static void commands(String base, int clients, int seconds, boolean shared) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> projects = new ArrayList<>();
        for (int c = 0; c < (shared ? 1 : clients); c++) {
            String project = "load-" + run + "-" + c;
            created(
                    base + "/api/projects",
                    "{\"projectId\":\"" + project + "\",\"title\":\"Load\",\"occurredAt\":\"2024-01-01\"}");
            StringBuilder attendees = new StringBuilder();
            for (int m = 0; m < 8; m++) {
                created(
                        base + "/api/projects/" + project + "/members",
                        "{\"memberId\":\"m" + m + "\",\"name\":\"Member " + m + "\",\"role\":\"RESEARCHER\","
                                + "\"perspectives\":[\"ACADEMIC\"],\"occurredAt\":\"2024-01-01\"}");
                attendees.append(m == 0 ? "" : ",").append("\"m").append(m).append('"');
            }
            created(
                    base + "/api/projects/" + project + "/meetings",
                    "{\"meetingId\":\"meeting\",\"title\":\"Team\",\"kind\":\"TEAM\",\"attendees\":[" + attendees
                            + "],\"occurredAt\":\"2024-01-02T10:00:00Z\"}");
            projects.add(project);
        }
        long warmupEnd =
                System.nanoTime() + Duration.ofSeconds(Math.max(3, seconds / 3)).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String project = projects.get(shared ? 0 : c);
            int client = c;
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                for (int i = 0; System.nanoTime() < end; i++) {
                    String body = "{\"contributionId\":\"c" + client + "-" + i + "\",\"memberId\":\"m" + (i % 8)
                            + "\",\"category\":\"" + CATEGORIES[i % CATEGORIES.length]
                            + "\",\"occurredAt\":\"2024-01-02T10:05:00Z\"}";
                    long start = System.nanoTime();
                    int status = post(base + "/api/projects/" + project + "/meetings/meeting/contributions", body);
                    long took = System.nanoTime() - start;
                    if (status != 201) {
                        errors.incrementAndGet();
                    }
                    if (start > warmupEnd && n < latencies.length) {
                        latencies[n++] = took;
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            for (long latency : result.get()) {
                all.add(latency);
            }
        }
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "commands (%s, %d clients, %d s measured after warm-up): %d requests, %.0f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n",
                shared ? "one shared project" : "a project per client",
                clients,
                seconds,
                sorted.length,
                sorted.length / (double) seconds,
                Measure.percentile(sorted, 50),
                Measure.percentile(sorted, 95),
                Measure.percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                errors.get());
    }

    /** Untimed set-up: a POST that must answer 201. */
    private static void created(String url, String json) throws Exception {
        int status = post(url, json);
        if (status != 201) {
            throw new IllegalStateException(url + " answered " + status);
        }
    }

    private static int post(String url, String json) throws Exception {
        return HTTP.send(
                        Measure.request(url)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}

package org.coproduction.timeline.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What signing in costs a question: {@code AuthBench URL MODE [USER PASSWORD] [QUESTIONS]} asks who
 * influenced d-43 of the demo ({@code GET .../decisions/d-43/influencers?asOf=...&knownAt=...}) one
 * question after another and prints the latency percentiles. MODE is {@code none} (a build without
 * the door, for comparison), {@code basic} (HTTP Basic on every request), {@code bearer} (a personal
 * access token, created first) or {@code session} (signed in once on the login page, the session
 * cookie after). Each run warms up with a fifth as many questions, untimed. {@code AuthBench URL MODE
 * USER PASSWORD QUESTIONS LABEL PATH} asks PATH instead, and prints LABEL for it.
 */
public final class AuthBench {

    private static final String QUESTION =
            "/api/projects/peer-worker-study/decisions/d-43/influencers?asOf=2022-08-01&knownAt=2022-08-01";

    private AuthBench() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String mode = args[1];
        String user = args.length > 2 ? args[2] : null;
        String password = args.length > 3 ? args[3] : null;
        int questions = args.length > 4 ? Integer.parseInt(args[4]) : 5000;
        String label = args.length > 6 ? args[5] : "influencers of d-43";
        String question = args.length > 6 ? args[6] : QUESTION;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        UnaryOperator<HttpRequest.Builder> sign =
                switch (mode) {
                    case "none" -> b -> b;
                    case "basic" -> {
                        String header = "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
                        yield b -> b.header("Authorization", header);
                    }
                    case "bearer" -> {
                        String token = token(http, base, user, password);
                        yield b -> b.header("Authorization", "Bearer " + token);
                    }
                    case "session" -> {
                        String cookies = session(http, base, user, password);
                        yield b -> b.header("Cookie", cookies);
                    }
                    default -> throw new IllegalArgumentException("unknown mode " + mode);
                };
        HttpRequest request = sign.apply(HttpRequest.newBuilder(URI.create(base + question)))
                .GET()
                .build();
        for (int i = 0; i < questions / 5; i++) {
            ask(http, request);
        }
        long[] nanos = new long[questions];
        for (int i = 0; i < questions; i++) {
            long start = System.nanoTime();
            ask(http, request);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "auth %-8s %s, %d questions: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, mean %.3f ms%n",
                mode,
                label,
                questions,
                Measure.percentile(nanos, 50),
                Measure.percentile(nanos, 90),
                Measure.percentile(nanos, 99),
                Arrays.stream(nanos).average().orElse(0) / 1e6);
    }

    private static void ask(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
    }

    /** A personal access token of the account, made for this run. */
    private static String token(HttpClient http, String base, String user, String password) throws Exception {
        String basic =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/me/tokens"))
                        .header("Authorization", basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench-" + System.nanoTime() + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String body = created.body();
        int start = body.indexOf("ctt_");
        if (created.statusCode() != 201 || start < 0) {
            throw new IllegalStateException("no token: " + created.statusCode() + " " + body);
        }
        return body.substring(start, body.indexOf('"', start));
    }

    /** Signs in on the login page as a browser does, answering the cookies to send after. */
    private static String session(HttpClient http, String base, String user, String password) throws Exception {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login.html")).build(), HttpResponse.BodyHandlers.ofString());
        String csrf = cookie(page.headers().allValues("Set-Cookie"), "XSRF-TOKEN");
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "XSRF-TOKEN=" + csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return "JSESSIONID=" + cookie(signedIn.headers().allValues("Set-Cookie"), "JSESSIONID");
    }

    private static String cookie(List<String> setCookies, String name) {
        return setCookies.stream()
                .filter(c -> c.startsWith(name + "=") && !c.startsWith(name + "=;"))
                .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length()))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new IllegalStateException("no cookie " + name));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

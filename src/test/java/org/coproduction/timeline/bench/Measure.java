package org.coproduction.timeline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What the benchmarks share: percentiles of timings, the account they sign in with, and a GET that
 * must answer 200.
 */
final class Measure {

    /**
     * The benches' account: the site administrator a bench's server creates on its fresh store (see
     * {@link #BOOTSTRAP_ADMIN}). scripts/bench uses the same name and password for the server it starts.
     */
    static final String USER = "bench";

    static final String PASSWORD = "bench-password-123";

    /** The argument that has a server create {@link #USER} on a store without accounts. */
    static final String BOOTSTRAP_ADMIN = "--timeline.security.bootstrap-admin=" + USER + ":" + PASSWORD;

    private static final String AUTHORIZATION =
            "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private Measure() {}

    /** The {@code percent}-th percentile of sorted nanosecond figures, in milliseconds (0 for none). */
    static double percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** A request to {@code url} signed in as {@link #USER} (HTTP Basic), for every bench's HTTP call. */
    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTHORIZATION);
    }

    static void get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> response = http.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    url + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
    }
}

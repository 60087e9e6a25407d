package org.coproduction.timeline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What the benchmarks share: percentiles of timings, and a GET that must answer 200. */
final class Measure {

    private Measure() {}

    /** The {@code percent}-th percentile of sorted nanosecond figures, in milliseconds (0 for none). */
    static double percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static void get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    url + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
    }
}

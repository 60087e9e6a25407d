package org.coproduction.timeline.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.coproduction.timeline.access.Door;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * JSON answers come gzipped to a client that asks, through Spring Security and with every header the
 * application sets; to one that does not, as they are; nothing else is compressed (docs/security.md,
 * "Compression").
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompressedAnswersTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    Door door;

    @BeforeAll
    void door() {
        door = new Door(port);
    }

    private HttpResponse<byte[]> get(String path, String accept, boolean gzip) throws Exception {
        var request = door.request(Door.ADMIN, path).header("Accept", accept);
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aLargeJsonAnswerComesGzippedWithTheApplicationsHeaders() throws Exception {
        HttpResponse<byte[]> plain = get("/v3/api-docs", "application/json", false);
        HttpResponse<byte[]> gzipped = get("/v3/api-docs", "application/json", true);

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body().length).isGreaterThan(2048);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().allValues("Vary"))
                .anySatisfy(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
        assertThat(gunzip(gzipped.body())).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
        HttpHeaders headers = gzipped.headers();
        assertThat(headers.firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(headers.firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(headers.firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }

    @Test
    void pagesScriptsAndProblemsAreNotCompressed() throws Exception {
        HttpResponse<byte[]> script = get("/js/common.js", "*/*", true);
        HttpResponse<byte[]> login = get("/login.html", "text/html", true);
        HttpResponse<byte[]> problem = get("/api/projects/nowhere/participation?by=week", "application/json", true);

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body().length).isGreaterThan(2048);
        assertThat(script.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(problem.statusCode()).isEqualTo(400);
        assertThat(problem.headers().firstValue("Content-Encoding")).isEmpty();
    }
}

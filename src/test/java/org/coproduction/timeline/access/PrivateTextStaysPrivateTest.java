package org.coproduction.timeline.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A private reflection's text is read by its author and by nobody else: a marker hidden in one is
 * looked for in every answer of every GET operation of the application's own OpenAPI document (and
 * every report format), as every other role and as the site administrator. The operations come from
 * the document, so an endpoint added later is searched too: the project's JSON Lines export among
 * them, which carries the text sealed (docs/privacy.md), and the REFI-QDA project, unpacked.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateTextStaysPrivateTest {

    static final String PROJECT = "private-text-study";
    static final String MARKER = "MARKER-only-ann-may-read-7f3a";

    @LocalServerPort
    int port;

    Door door;

    @BeforeAll
    void aProjectWithAPrivateReflection() {
        door = new Door(port);
        for (String name : List.of("pt-coord", "pt-ann", "pt-ben", "pt-rec", "pt-view")) {
            door.account(name);
        }
        door.project("pt-coord", PROJECT);
        door.member("pt-coord", PROJECT, "m-ann", "Ann Archer", "SERVICE_USER");
        door.member("pt-coord", PROJECT, "m-ben", "Ben Bishop", "SERVICE_USER");
        ok(door.send(
                "pt-coord",
                "POST",
                "/api/projects/" + PROJECT + "/phases",
                Door.json(Map.of("phaseId", "design", "name", "Design", "occurredAt", "2024-01-03"))));
        ok(door.send(
                "pt-coord",
                "POST",
                "/api/projects/" + PROJECT + "/decisions",
                Door.json(Map.of(
                        "decisionId",
                        "d-1",
                        "title",
                        "Pay in vouchers",
                        "proposedBy",
                        "m-ben",
                        "occurredAt",
                        "2024-01-04"))));
        door.grant("pt-coord", PROJECT, "pt-ann", "MEMBER", "m-ann");
        door.grant("pt-coord", PROJECT, "pt-ben", "MEMBER", "m-ben");
        door.grant("pt-coord", PROJECT, "pt-rec", "RECORDER", null);
        door.grant("pt-coord", PROJECT, "pt-view", "VIEWER", null);
        ok(door.send(
                "pt-ann",
                "POST",
                "/api/projects/" + PROJECT + "/reflections",
                Door.json(Map.of(
                        "reflectionId", "r-private",
                        "text", "I did not say it in the meeting: " + MARKER,
                        "visibility", "PRIVATE",
                        "decisionId", "d-1",
                        "occurredAt", "2024-01-05"))));
        ok(door.send(
                "pt-ann",
                "POST",
                "/api/projects/" + PROJECT + "/reflections/r-private/codes",
                Door.json(Map.of("codes", List.of("voice"), "occurredAt", "2024-01-06"))));
    }

    @Test
    void theAuthorReadsItInTheTimeline() {
        assertThat(door.send("pt-ann", "GET", "/api/projects/" + PROJECT + "/timeline", null)
                        .body())
                .contains(MARKER);
    }

    /** So that the search below reads inside a .qdpx: the author's own holds it. */
    @Test
    void theAuthorFindsItInTheirQdpx() throws Exception {
        assertThat(text("pt-ann", "/api/projects/" + PROJECT + "/export.qdpx")).contains(MARKER);
    }

    @Test
    void noOtherRoleNorTheAdministratorFindsItInAnyAnswer() throws Exception {
        JsonNode paths =
                door.send(Door.ADMIN, "GET", "/v3/api-docs", null).json().get("paths");
        List<String> gets = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            if (path.getValue().has("get")) {
                gets.add(path.getKey());
            }
        });
        assertThat(gets).contains("/api/projects/{projectId}/timeline", "/api/projects/{projectId}/report");
        Map<String, String> leaks = new TreeMap<>();
        int searched = 0;
        for (String who : List.of("pt-coord", "pt-ben", "pt-rec", "pt-view", Door.ADMIN)) {
            for (String template : gets) {
                for (String path : concrete(template)) {
                    String answer = text(who, path);
                    searched++;
                    if (answer.contains(MARKER)) {
                        leaks.put(who + " " + path, "holds the private text");
                    }
                }
            }
        }
        assertThat(searched).isGreaterThan(50);
        assertThat(leaks).isEmpty();
    }

    /** The answers to look in: each report format, the timeline in one page, the others as they come. */
    private static List<String> concrete(String template) {
        String base = fill(template);
        if (template.endsWith("/report")) {
            return List.of(base + "?format=html", base + "?format=md", base + "?format=json", base + "?format=pdf");
        }
        if (template.endsWith("/timeline")) {
            return List.of(base + "?size=1000", base + "?type=ReflectionWritten&memberId=m-ann");
        }
        if (template.endsWith("/participation")) {
            return List.of(base + "?by=phase", base + "?by=month");
        }
        return List.of(base);
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

    private static String fill(String template) {
        Map<String, String> values =
                Map.of("projectId", PROJECT, "decisionId", "d-1", "memberId", "m-ann", "name", "influence");
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, values.getOrDefault(m.group(1), "x-1"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The answer's text: a PDF's text as extracted, a zip's entries (a .qdpx) unpacked, anything else as sent. */
    private String text(String who, String path) throws Exception {
        String password =
                who.equals(Door.ADMIN) ? org.coproduction.timeline.testing.SignedInTestClients.PASSWORD : Door.PASSWORD;
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString((who + ":" + password)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        if (body.length > 4 && new String(body, 0, 4, StandardCharsets.ISO_8859_1).equals("%PDF")) {
            try (PDDocument pdf = Loader.loadPDF(body)) {
                return new PDFTextStripper().getText(pdf);
            }
        }
        if (body.length > 4 && new String(body, 0, 4, StandardCharsets.ISO_8859_1).equals("PK\u0003\u0004")) {
            StringBuilder entries = new StringBuilder();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    entries.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return entries.toString();
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static void ok(Door.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
    }
}

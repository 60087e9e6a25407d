package org.coproduction.timeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.coproduction.timeline.testing.StoredMarkup;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 20, "Stored text is never executed", for the lifecycle report: a project recorded through
 * the API ({@link StoredMarkup}) whose title, description, member name, phase name, meeting,
 * decision title and outcome, influence note, contribution summary, shared reflection, reflection
 * codes and interview summary all hold a script element and an image with an event handler. The
 * report shows some of these (never a reflection's text or an interview's summary). The HTML, read as a browser reads
 * it, has no script, no image and no event-handler attribute, and shows the payloads as text; the
 * Markdown holds no raw markup; the PDF builds and shows them as text.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredTextInReportsTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";

    private final StoredMarkup project =
            new StoredMarkup("stored-text-" + UUID.randomUUID().toString().substring(0, 8), SCRIPT + IMG);

    @Autowired
    private TestRestTemplate http;

    @BeforeAll
    void recordAProjectFullOfMarkup() {
        project.record(http);
    }

    @Test
    void theHtmlReadAsABrowserReadsItHasNoScriptImageOrEventHandlerAndShowsThePayloadsAsText() {
        ResponseEntity<String> response = http.getForEntity(report("html") + "&appendix=full", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Document page = Jsoup.parse(response.getBody());

        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("img, iframe, object, embed, [src]")).isEmpty();
        assertThat(page.select("[href]"))
                .allSatisfy(a -> assertThat(a.attr("href")).matches("#gripp2-[a-z]+"));
        assertThat(page.getAllElements())
                .flatExtracting(StoredTextInReportsTest::attributeNames)
                .noneMatch(name -> name.startsWith("on"));
        assertThat(page.select("h1").text()).isEqualTo("Lifecycle report: " + project.title());
        assertThat(page.select("h3").eachText()).contains(project.phase());
        assertThat(page.body().text())
                .contains("As registered: " + project.description())
                .contains(project.member())
                .contains(project.decision())
                .contains(project.outcome())
                .contains(project.code());
        // The same page parses as the strict XML openhtmltopdf reads, with the payloads as text.
        Document strict = org.jsoup.parser.Parser.xmlParser().parseInput(response.getBody(), "");
        assertThat(strict.select("script, img")).isEmpty();
        assertThat(strict.select("svg text").eachText()).contains(project.phase());
    }

    @Test
    void theMarkdownHoldsNoRawMarkupFromTheRecordButThePayloadsAsEntities() {
        ResponseEntity<String> response = http.getForEntity(report("md") + "&appendix=full", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String md = response.getBody();

        assertThat(md)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("</script")
                .doesNotContain("<");
        String escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";
        assertThat(md)
                .contains("# Lifecycle report: Project " + escaped + "\n")
                .contains("### Phase " + escaped + "\n")
                .contains("As registered: Aim " + escaped)
                .contains("Ann " + escaped)
                .contains("Decision " + escaped)
                .contains("Outcome " + escaped)
                .contains("theme " + escaped + " 1");
    }

    @Test
    void thePdfBuildsAndShowsThePayloadsAsText() throws IOException {
        ResponseEntity<byte[]> response = http.getForEntity(report("pdf"), byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        byte[] pdf = response.getBody();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains(SCRIPT)
                    .contains("src=x onerror=alert(1)>")
                    .contains(project.member());
        }
    }

    private String report(String format) {
        return "/api/projects/" + project.projectId() + "/report?format=" + format;
    }

    private static List<String> attributeNames(Element element) {
        return element.attributes().asList().stream()
                .map(Attribute::getKey)
                .map(String::toLowerCase)
                .toList();
    }
}

package org.coproduction.timeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.demo.DemoProjectGenerator;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.coproduction.timeline.participation.api.Participation;
import org.coproduction.timeline.participation.api.WindowKind;
import org.coproduction.timeline.participation.query.ParticipationQuery;
import org.coproduction.timeline.report.api.Gripp2Form;
import org.coproduction.timeline.report.api.Gripp2Status;
import org.coproduction.timeline.report.api.LifecycleReport;
import org.coproduction.timeline.report.api.LifecycleReport.ChecklistItem;
import org.coproduction.timeline.report.api.LifecycleReport.Gripp2Item;
import org.coproduction.timeline.report.api.LifecycleReport.PhaseSection;
import org.coproduction.timeline.report.query.HtmlReport;
import org.coproduction.timeline.report.query.LifecycleReportQuery;
import org.coproduction.timeline.report.query.PdfReport;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The lifecycle report of the demo study and of a small hand-built one: its figures are the
 * participation answer's for the same (asOf, knownAt), no private reflection text shows in any
 * format, and the HTML parses strictly with the accessibility structure the issue asks for.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class ReportIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DEMO = DemoProjectGenerator.DEMO_PROJECT_ID;
    static final String SMALL = "report-small";
    /** In the demo's analysis phase, with a record known somewhat later. */
    private static final String AS_OF = "2023-06-01T00:00:00Z";

    private static final String KNOWN_AT = "2023-09-01T00:00:00Z";
    private static final String EVENT = "00000000-0000-0000-0000-000000000";
    private static final String SECRET = "I felt nobody listened to me today";
    private static final String AWKWARD_NAME = "Bea O'Neil <script>alert(1)</script> & co";
    private static final String AWKWARD_TITLE = "Peers & \"partners\" <in> research";

    private static boolean imported;
    private static List<String> privateTexts;

    @Autowired
    private JsonLinesImporter importer;

    @Autowired
    private ParticipationQuery participation;

    @Autowired
    private LifecycleReportQuery reports;

    @Autowired
    private TestRestTemplate http;

    @TempDir
    private Path dir;

    @BeforeEach
    void importTheDemoAndASmallStudy() throws IOException {
        if (imported) {
            return;
        }
        List<ObjectNode> demo = new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED).events();
        privateTexts = demo.stream()
                .filter(line -> line.get("type").asText().equals("ReflectionWritten"))
                .map(line -> line.get("data"))
                .filter(data -> data.get("visibility").asText().equals("PRIVATE"))
                .map(data -> data.get("text").asText())
                .distinct()
                .toList();
        importLines("demo", demo.stream().map(ObjectNode::toString).toList());
        importLines("small", smallStudy());
        imported = true;
    }

    @Test
    void givenTheDemo_thenEachPhaseOfTheReportHoldsTheParticipationFiguresForTheSameTimes() {
        assertTheReportHoldsTheParticipationFigures(DEMO, Instant.parse(AS_OF), Instant.parse(KNOWN_AT));
        assertTheReportHoldsTheParticipationFigures(
                DEMO, Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z"));
    }

    @Test
    void givenTheSmallStudy_thenThePhasesCarryFiguresThemesDecisionsAndShifts() {
        Instant asOf = Instant.parse("2023-12-31T00:00:00Z");
        LifecycleReport report = assertTheReportHoldsTheParticipationFigures(SMALL, asOf, asOf);

        assertThat(report.overview().title()).isEqualTo(AWKWARD_TITLE);
        assertThat(report.overview().record().events())
                .isEqualTo((long) smallStudy().size());
        assertThat(report.overview().teamSize())
                .extracting(LifecycleReport.TeamSize::members)
                .containsExactly(2, 3);
        PhaseSection design = report.phases().get(0);
        PhaseSection fieldwork = report.phases().get(1);
        assertThat(design.reflections()).isEqualTo(1);
        assertThat(design.themes()).containsExactly(java.util.Map.entry("voice", 1));
        assertThat(design.decisions()).singleElement().satisfies(d -> {
            assertThat(d.steps()).containsExactly("PROPOSED", "MADE");
            assertThat(d.influencers()).extracting(i -> i.memberId()).containsExactly("bea", "ann");
            assertThat(d.eventIds()).contains("00000000-0000-0000-0000-000000000007");
        });
        // Design: ann 2, bea 1 of 3; fieldwork: ann 1, bea 1, cal 2 of 4.
        assertThat(fieldwork.notableShifts())
                .contains("Academic share of contributions fell from 0.67 to 0.25 since Design.")
                .contains("Service user share of contributions fell from 0.33 to 0.25 since Design.")
                .contains("Clinician share of contributions rose from 0.00 to 0.50 since Design.");
    }

    @Test
    void noPrivateReflectionTextAppearsInTheJsonOrTheHtml() {
        String json = http.getForObject(url(DEMO, "json"), String.class);
        String html = http.getForObject(url(DEMO, "html"), String.class);
        String smallJson = http.getForObject(url(SMALL, "json"), String.class);
        String smallHtml = http.getForObject(url(SMALL, "html"), String.class);

        assertThat(privateTexts).hasSizeGreaterThan(10);
        for (String text : privateTexts) {
            assertThat(json).doesNotContain(text);
            assertThat(html).doesNotContain(text);
        }
        assertThat(smallJson).contains("\"voice\"").doesNotContain(SECRET);
        assertThat(smallHtml).contains("voice").doesNotContain(SECRET);
    }

    @Test
    void theHtmlIsOneSelfContainedPageThatParsesStrictlyWithAccessibleTablesChartsAndHeadings() {
        for (String project : List.of(DEMO, SMALL)) {
            ResponseEntity<String> response = http.getForEntity(url(project, null), String.class);
            assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/html;charset=UTF-8");
            String html = response.getBody();

            Parser strict = Parser.xmlParser().setTrackErrors(50);
            Document page = strict.parseInput(html, "");
            assertThat(strict.getErrors()).as(project).isEmpty();
            assertThat(page.select("script")).isEmpty();
            assertThat(page.select("[src], link, img, iframe, object")).isEmpty();
            // The only links are within the page: the GRIPP2 checklist's to its answers.
            assertThat(page.select("[href]")).isNotEmpty().allSatisfy(link -> assertThat(link.attr("href"))
                    .startsWith("#"));
            assertThat(html).doesNotContain("url(");
            assertThat(page.select("table")).hasSizeGreaterThan(5).allSatisfy(table -> {
                assertThat(table.select("caption")).hasSize(1);
                assertThat(table.select("th[scope]")).isNotEmpty();
            });
            assertThat(page.select("svg")).hasSize(4).allSatisfy(svg -> {
                assertThat(svg.attr("role")).isEqualTo("img");
                assertThat(svg.select("title").text()).isNotBlank();
                assertThat(svg.select("desc").text()).isNotBlank();
                assertThat(svg.parent().nextElementSibling().tagName()).isEqualTo("table");
            });
            int level = 0;
            for (Element heading : page.select("h1, h2, h3, h4, h5, h6")) {
                int next = heading.tagName().charAt(1) - '0';
                assertThat(next).as(heading.text()).isLessThanOrEqualTo(level + 1);
                level = next;
            }
            assertThat(page.select("h1")).hasSize(1);
        }
    }

    @Test
    void namesAndTitlesFromTheRecordAreEscapedInTheHtml() {
        String html = http.getForObject(url(SMALL, "html"), String.class);

        assertThat(html).doesNotContain("<script>").doesNotContain("<in>");
        Document page = Parser.xmlParser().parseInput(html, "");
        assertThat(page.select("h1").text()).isEqualTo("Lifecycle report: " + AWKWARD_TITLE);
        assertThat(page.text()).contains(AWKWARD_NAME);
    }

    @Test
    void theJsonIsTheReportWithTheParticipationWindowsAsTheParticipationApiSendsThem() throws IOException {
        String query = "?asOf=" + AS_OF + "&knownAt=" + KNOWN_AT;
        JsonNode report = JSON.readTree(
                http.getForObject("/api/projects/" + DEMO + "/report" + query + "&format=json", String.class));
        JsonNode windows = JSON.readTree(http.getForObject(
                        "/api/projects/" + DEMO + "/participation" + query + "&detail=full", String.class))
                .get("windows");

        // The report lists every IPA category, area and method; the API leaves out those at 0.
        assertThat(report.get("phases")).hasSize(windows.size());
        for (int i = 0; i < windows.size(); i++) {
            assertThat(withoutZeroEntries(report.get("phases").get(i).get("participation")))
                    .isEqualTo(windows.get(i));
        }
        assertThat(report.get("overview").get("record").get("asOf").asText()).isEqualTo(AS_OF);
        assertThat(report.get("methods").size()).isGreaterThan(10);
    }

    @Test
    void cannotAskForAnUnknownFormatOrAnUnknownProject() {
        ResponseEntity<String> odt = http.getForEntity(url(DEMO, "odt"), String.class);
        ResponseEntity<String> unknown = http.getForEntity(url("nobody", "json"), String.class);
        ResponseEntity<String> unknownPdf = http.getForEntity(url("nobody", "pdf"), String.class);

        assertThat(odt.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(odt.getBody()).contains("\"field\":\"format\"").contains("html, json, md, pdf or docx");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownPdf.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void givenFormatPdf_thenThePdfComesAsAnAttachmentNamedAfterTheProject() {
        ResponseEntity<byte[]> response = http.getForEntity(url(SMALL, "PDF"), byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"" + SMALL + "-report.pdf\"");
        assertThat(new String(response.getBody(), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
    }

    /** The Word document is the HTML page's content: the same headings in the same order, as Word's headings. */
    @Test
    void givenFormatDocx_thenAWordDocumentWithTheHtmlsHeadingsComesAsAnAttachment() throws IOException {
        for (String project : List.of(SMALL, DEMO)) {
            ResponseEntity<byte[]> response = http.getForEntity(url(project, "docx"), byte[].class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getHeaders().getContentType().toString())
                    .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            assertThat(response.getHeaders().getContentDisposition().getFilename())
                    .isEqualTo(project + "-report.docx");
            Document page = Parser.xmlParser().parseInput(http.getForObject(url(project, "html"), String.class), "");
            List<String> htmlHeadings = page.select("h1, h2, h3, h4").stream()
                    .map(h -> "Heading" + h.tagName().charAt(1) + " " + h.text())
                    .toList();
            try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                    new java.io.ByteArrayInputStream(response.getBody()))) {
                assertThat(doc.getParagraphs().stream()
                                .filter(p ->
                                        p.getStyle() != null && p.getStyle().startsWith("Heading"))
                                .map(p -> p.getStyle() + " " + p.getText()))
                        .as(project)
                        .containsExactlyElementsOf(htmlHeadings);
                assertThat(doc.getTables()).hasSameSizeAs(page.select("table"));
                assertThat(doc.getAllPictures()).hasSameSizeAs(page.select("svg"));
            }
        }
    }

    @Test
    void givenTheDemo_thenThePdfHoldsTheSectionsPageNumbersAndParticipationFiguresButNoPrivateText()
            throws IOException {
        byte[] pdf = http.getForObject(url(DEMO, "pdf"), byte[].class);
        Participation figures = participation.participation(
                DEMO, WindowKind.PHASE, new PointInTime(Instant.parse(AS_OF), Instant.parse(KNOWN_AT)));

        String text = pdfText(pdf);

        assertTheSectionsAndPageNumbers(text);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages())
                    .as("the demo's report (summary appendix, short form) in at most 15 A4 pages, issue 24")
                    .isBetween(10, 15);
        }
        assertThat(figures.windows()).hasSizeGreaterThan(2);
        for (Participation.Window window : figures.windows()) {
            assertThat(text)
                    .contains(window.meetings() + " meetings, " + window.totalContributions() + " contributions");
        }
        assertThat(privateTexts).hasSizeGreaterThan(10);
        for (String secret : privateTexts) {
            assertThat(text).doesNotContain(words(secret));
        }
    }

    /** The demo's codes are named as its codebook names them (docs/codebook.md); the JSON keeps the keys too. */
    @Test
    void givenTheDemo_thenThemesAreNamedAsTheCodebookNamesThem() {
        LifecycleReport report = reports.report(
                DEMO, new PointInTime(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z")));
        assertThat(report.codeNames())
                .containsEntry("power", "Power in the team")
                .hasSize(8);
        assertThat(report.phases().get(0).themes()).containsKey("power");
        String page = HtmlReport.render(report);
        assertThat(page).contains("By code: Emotional labour ").doesNotContain("By code: emotional-labour");
        LifecycleReport.CodebookUsed codebook = report.overview().record().codebook();
        assertThat(codebook.codes()).isEqualTo(8);
        assertThat(codebook.defined()).isEqualTo(8);
        assertThat(codebook.lastChangedAt()).isEqualTo(Instant.parse("2022-10-10T10:00:00Z"));
        assertThat(page).contains("8 codes, 8 defined by the team, last changed 2022-10-10 10:00 UTC");
        LifecycleReport before = reports.report(
                DEMO, new PointInTime(Instant.parse("2022-06-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z")));
        assertThat(HtmlReport.render(before)).contains("given in codings and not defined yet");
    }

    @Test
    void givenTheSmallStudy_thenThePdfHoldsItsFiguresThemesAndNamesButNotTheReflection() throws IOException {
        Instant asOf = Instant.parse("2023-12-31T00:00:00Z");
        String text = pdfText(PdfReport.render(reports.report(SMALL, new PointInTime(asOf, asOf))));
        Participation figures = participation.participation(SMALL, WindowKind.PHASE, new PointInTime(asOf, asOf));

        assertTheSectionsAndPageNumbers(text);
        assertThat(figures.windows())
                .extracting(Participation.Window::totalContributions)
                .containsExactly(3, 4);
        assertThat(text)
                .contains("1 meetings, 3 contributions")
                .contains("1 meetings, 4 contributions")
                .contains("Clinician share of contributions rose from 0.00 to 0.50 since Design.")
                .contains("Pay peer researchers")
                .contains("O'Neil")
                .doesNotContain(SECRET);
    }

    /**
     * The report a person reads says codes in words and times as dates (to the minute where a time
     * matters), never "SERVICE_USER", "COLLABORATED" or "2026-12-06T06:13:42.582652789Z"; and names
     * without member ids (issue 24).
     */
    @Test
    void givenTheDemo_thenTheHtmlAndMarkdownSayCodesInWordsAndTimesWithoutSeconds() {
        String html = org.jsoup.Jsoup.parse(http.getForObject(url(DEMO, "html"), String.class))
                .body()
                .text();
        String md = http.getForObject(url(DEMO, "md"), String.class);
        for (String text : List.of(html, md)) {
            assertThat(java.util.regex.Pattern.compile(
                                    "\\b[A-Z]{2,}(_[A-Z]+)+\\b|\\b(PROPOSED|CONSULTED|COLLABORATED|CONSENSUS|MADE)\\b")
                            .matcher(text)
                            .results()
                            .map(java.util.regex.MatchResult::group)
                            .distinct()
                            .toList())
                    .as("codes left as codes")
                    .isEmpty();
            assertThat(text).doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
            assertThat(text).doesNotContain("(samuel-osei)").contains("Samuel Osei");
        }
    }

    private static void assertTheSectionsAndPageNumbers(String text) {
        assertThat(text)
                .contains("Lifecycle report: ")
                .contains("Overview")
                .contains("Phase by phase")
                .contains("Across the lifecycle")
                .contains("Contribution share by perspective per phase")
                .contains("Methods")
                .containsPattern("Page 1 of \\d+")
                .containsPattern("Page 2 of \\d+");
    }

    /** The PDF's text with every run of white space (line ends included) as one space. */
    private static String pdfText(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return words(new PDFTextStripper().getText(document));
        }
    }

    private static String words(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    /** The demo was closed on 31 January 2024: its last phase ends there, in every format; before, it is open. */
    @Test
    void givenTheClosedDemo_thenItsLastPhaseEndsAtTheClosureNotOpen() {
        String closed = "/api/projects/" + DEMO + "/report?format=";
        for (String format : List.of("html", "md")) {
            String text = http.getForObject(closed + format, String.class);
            assertThat(text)
                    .contains("2024-01-31 17:00 UTC (closure)")
                    .doesNotContain("to open", "<td>open</td>", "| open |");
        }
        String running = http.getForObject(url(DEMO, "md"), String.class);
        assertThat(running).contains("to open", "| open |").doesNotContain("(closure)");
    }

    @Test
    void theMarkdownHasTheHtmlsHeadingsInOrderAndEachPhaseTheParticipationApisContributions() {
        for (String project : List.of(DEMO, SMALL)) {
            ResponseEntity<String> response = http.getForEntity(url(project, "md"), String.class);
            assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/markdown;charset=UTF-8");
            String md = response.getBody();
            Document page = Parser.xmlParser().parseInput(http.getForObject(url(project, "html"), String.class), "");

            List<String> htmlHeadings = page.select("h1, h2, h3, h4").stream()
                    .map(h -> "h" + h.tagName().charAt(1) + " " + h.text())
                    .toList();
            List<String> mdHeadings = md.lines()
                    .filter(l -> l.matches("#{1,6} .*"))
                    .map(l -> "h" + l.indexOf(' ') + " " + unescape(l.substring(l.indexOf(' ') + 1)))
                    .toList();
            assertThat(mdHeadings).as(project).containsExactlyElementsOf(htmlHeadings);
            assertThat(mdHeadings)
                    .contains(
                            "h2 Overview",
                            "h2 Phase by phase",
                            "h2 Across the lifecycle",
                            "h2 GRIPP2 reporting",
                            "h3 Aim",
                            "h3 How impact was captured",
                            "h2 Methods");

            Participation figures = participation.participation(
                    project, WindowKind.PHASE, new PointInTime(Instant.parse(AS_OF), Instant.parse(KNOWN_AT)));
            assertThat(figures.windows()).isNotEmpty();
            for (Participation.Window window : figures.windows()) {
                assertThat(md)
                        .contains(window.meetings() + " meetings, " + window.totalContributions() + " contributions");
                Map<String, String> contributions =
                        column(md, "Participation by primary perspective in " + window.name(), 1);
                for (Participation.PerspectiveFigures perspective : window.perspectives()) {
                    assertThat(contributions.get(label(perspective.perspective())))
                            .as(project + " " + window.name() + " " + perspective.perspective())
                            .isEqualTo(String.valueOf(perspective.contributions()));
                }
            }
            // Every table has a header row and a delimiter row; every chart an image with alt text.
            assertThat(md.lines().filter(l -> l.startsWith("!["))).hasSize(4).allSatisfy(l -> assertThat(l)
                    .matches("!\\[[^\\]]+\\]\\(data:image/svg\\+xml;base64,[A-Za-z0-9+/=]+\\)"));
        }
    }

    @Test
    void noPrivateReflectionTextAndNoRawMarkupFromTheRecordAppearsInTheMarkdown() {
        String md = http.getForObject(url(DEMO, "md"), String.class);
        String small = http.getForObject(url(SMALL, "md"), String.class);

        for (String text : privateTexts) {
            assertThat(md).doesNotContain(text);
        }
        assertThat(small).doesNotContain(SECRET).doesNotContain("<script>").doesNotContain("<in>");
        assertThat(small).contains("# Lifecycle report: Peers &amp; \"partners\" &lt;in&gt; research\n");
        assertThat(small).contains("Bea O'Neil &lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
        assertThat(small).contains("By code: voice 1.");
    }

    @Test
    void givenTheSmallStudy_thenGripp2FillsWhatTheRecordShowsWithItsEventsAndLeavesTheRestToTheTeam() {
        Instant asOf = Instant.parse("2023-12-31T00:00:00Z");
        LifecycleReport report = reports.report(SMALL, new PointInTime(asOf, asOf));
        Map<String, Gripp2Item> items = new java.util.LinkedHashMap<>();
        report.gripp2().answers().forEach(i -> items.put(i.item(), i));

        assertThat(report.gripp2().shortForm())
                .extracting(ChecklistItem::number, ChecklistItem::topic, ChecklistItem::status)
                .containsExactly(
                        tuple("1", "Aim", Gripp2Status.NOT_YET_ANSWERED),
                        tuple("2", "Methods", Gripp2Status.FROM_THE_RECORD),
                        tuple("3", "Study results", Gripp2Status.FROM_THE_RECORD),
                        tuple("4", "Discussion and conclusions", Gripp2Status.FROM_THE_RECORD),
                        tuple("5", "Reflections/critical perspective", Gripp2Status.FROM_THE_RECORD));
        assertThat(report.gripp2().answers(Gripp2Form.SHORT))
                .extracting(Gripp2Item::key)
                .containsExactly(
                        "aim", "methods", "people", "stages", "level", "impact", "results", "outcomes", "reflections");
        assertThat(report.gripp2().longForm())
                .extracting(ChecklistItem::number)
                .containsExactly(
                        "1a", "1b", "1c", "1d", "1e", "2a", "2b", "2c", "3", "4a", "4b", "4c", "4d", "5a", "5b", "5c",
                        "6", "7", "8", "9");
        assertThat(report.gripp2().longForm())
                .filteredOn(i -> i.status() == Gripp2Status.NOT_YET_ANSWERED)
                .extracting(ChecklistItem::number)
                .containsExactly("1a", "1d", "1e", "2a", "2b", "2c", "3", "5a", "5c", "6");
        assertThat(report.gripp2().answers(Gripp2Form.LONG))
                .hasSameSizeAs(report.gripp2().answers());
        // No description at registration: the aim is the team's to write.
        assertThat(items.get("Aim").toBeWrittenByTeam()).isTrue();
        assertThat(items.get("Aim").text()).isEqualTo(LifecycleReport.TO_BE_WRITTEN);
        assertThat(items.get("Economic assessment").toBeWrittenByTeam()).isTrue();
        assertThat(items.get("Methods").text())
                .contains("2 meetings and 7 contributions over 2 phases")
                .contains("1 reflections, 1 of them private")
                .contains("0 interviews");
        assertThat(items.get("Results").table().rows()).contains(List.of("Academic", "3", "0.43", "1", "0.50", "1"));
        assertThat(items.get("Outcomes").text()).startsWith("1 decisions were made, 1 of them (1.00)");
        assertThat(items.get("Outcomes").eventIds()).containsExactly(EVENT + "011");
        assertThat(items.get("Reflections/critical perspective").text())
                .contains("voice 1")
                .doesNotContain(SECRET);
        assertThat(items.get("Reflections/critical perspective").eventIds()).containsExactly(EVENT + "012");
        assertThat(items.get("How impact was captured").eventIds()).containsExactly(EVENT + "007");
        assertThat(items.get("Outcomes").evidence().rows()).singleElement().satisfies(row -> {
            assertThat(row.get(0)).isEqualTo("Pay peer researchers");
            assertThat(row.get(3)).isEqualTo("Yes");
            assertThat(row).hasSize(5);
        });
        assertThat(items.get("Outcomes").evidence().eventIds())
                .containsExactly(List.of(EVENT + "011", EVENT + "006", EVENT + "007"));
        assertThat(items.get("People involved").table().rows())
                .extracting(row -> row.get(0) + "=" + row.get(1))
                .containsExactlyInAnyOrder("Researcher=1", "Peer worker=1", "Co-investigator=1");
        assertThat(items.values())
                .filteredOn(i -> !i.toBeWrittenByTeam())
                .allSatisfy(i -> assertThat(i.text()).isNotBlank().isNotEqualTo(LifecycleReport.TO_BE_WRITTEN));
    }

    @Test
    void givenTheDemo_thenGripp2TakesTheAimFromTheDescriptionAndCountsInfluencesByKindAsParticipationDoes() {
        LifecycleReport report = reports.report(DEMO, new PointInTime(Instant.parse(AS_OF), Instant.parse(KNOWN_AT)));
        Gripp2Item aim = report.gripp2().answers().get(0);
        Gripp2Item nature = report.gripp2().answers().stream()
                .filter(i -> i.item().equals("Level or nature of involvement"))
                .findFirst()
                .orElseThrow();

        assertThat(aim.toBeWrittenByTeam()).isFalse();
        assertThat(aim.text()).startsWith("As registered: ");
        assertThat(aim.eventIds()).hasSize(1);
        for (int i = 0; i < report.phases().size(); i++) {
            Participation.Window window = report.phases().get(i).participation();
            int influences = window.perspectives().stream()
                    .mapToInt(Participation.PerspectiveFigures::influences)
                    .sum();
            int byKind = nature.table().rows().get(i).stream()
                    .skip(1)
                    .mapToInt(Integer::parseInt)
                    .sum();
            assertThat(byKind).as(window.name()).isEqualTo(influences);
        }
        assertThat(report.gripp2().answers().stream()
                        .filter(i -> i.key().equals("outcomes"))
                        .findFirst()
                        .orElseThrow()
                        .eventIds())
                .hasSizeGreaterThan(5);
        assertThat(report.gripp2().shortForm().get(0).status()).isEqualTo(Gripp2Status.FROM_THE_RECORD);
    }

    /**
     * The demo's member who withdrew consent: the methods say so (a count, no name) once the
     * withdrawal is in the record, and she is her pseudonym in every part of the report, whenever.
     */
    @Test
    void givenTheDemo_thenTheWithdrawalIsCountedInTheMethodsAndTheMemberIsHerPseudonym() {
        String after = http.getForObject(
                "/api/projects/" + DEMO + "/report?format=md&asOf=2024-02-01&knownAt=2024-02-01", String.class);
        String before = http.getForObject(url(DEMO, "md"), String.class);

        assertThat(after)
                .contains("One member withdrew consent")
                .contains("**Consent withdrawn**")
                .contains("Withdrawn member 1")
                .doesNotContain("Janet Holloway");
        assertThat(before).doesNotContain("One member withdrew consent").doesNotContain("Janet Holloway");
        assertThat(before).contains("Withdrawn member 1");
    }

    /**
     * A decision proposed in one phase and made in a later one is listed once, where it is made,
     * with its influencers; the phase that proposed it names it in a sentence.
     */
    @Test
    void givenTheDemo_thenEachDecisionIsListedWhereItIsMadeAndOnlyNamedWhereItWasProposedBefore() {
        Document page = Parser.xmlParser().parseInput(http.getForObject(url(DEMO, "html"), String.class), "");
        List<String> phases = page.select("section.phase").stream()
                .map(p -> p.select("h3").first().text())
                .toList();
        Map<String, Integer> madeIn = new java.util.HashMap<>();
        Map<String, Integer> namedIn = new java.util.HashMap<>();
        List<String> proposedOnly = new java.util.ArrayList<>();
        List<Element> sections = page.select("section.phase");
        for (int i = 0; i < sections.size(); i++) {
            for (Element row : sections.get(i).select("table.decisions tbody tr")) {
                String steps = row.child(1).text();
                if (steps.equals("Proposed")) {
                    proposedOnly.add(row.child(0).text());
                }
                if (steps.contains("Made")) {
                    assertThat(madeIn.put(row.child(0).text(), i))
                            .as(row.child(0).text())
                            .isNull();
                }
            }
            for (Element p : sections.get(i).select("p:containsOwn(Also proposed here)")) {
                String titles =
                        p.text().substring(p.text().indexOf(": ") + 2, p.text().length() - 1);
                for (String title : titles.split("; ")) {
                    namedIn.put(title, i);
                }
            }
        }
        assertThat(namedIn).isNotEmpty();
        // A row that only proposes is a decision made in no phase (as of the report's date).
        assertThat(proposedOnly).isNotEmpty().allSatisfy(title -> assertThat(madeIn)
                .doesNotContainKey(title));
        namedIn.forEach((title, phase) -> assertThat(madeIn.get(title))
                .as(title + " proposed in " + phases.get(phase))
                .isGreaterThan(phase));
    }

    @Test
    void theHtmlHasTheGripp2ChecklistLinkingEachItemToItsAnswer_shortByDefault_longWhenAsked() {
        Document page = Parser.xmlParser().parseInput(http.getForObject(url(SMALL, "html"), String.class), "");

        Element section = page.getElementById("gripp2");
        assertThat(section.select("h2").text()).isEqualTo("GRIPP2 reporting");
        Element checklist = section.select("table.checklist").first();
        assertThat(checklist.select("caption").text()).contains("short form");
        assertThat(checklist.select("tbody tr")).hasSize(5);
        assertThat(checklist.select("tbody tr").first().children().eachText())
                .containsExactly("1", "Aim", "Report the aim of PPI in the study", "Aim", "Not yet answered");
        for (Element link : checklist.select("a")) {
            String target = link.attr("href").substring(1);
            assertThat(page.getElementById(target)).as(target).isNotNull();
            assertThat(page.getElementById(target).text()).isEqualTo(link.text());
        }
        assertThat(section.select("h3").eachText())
                .containsExactly(
                        "Aim",
                        "Methods",
                        "People involved",
                        "Stages of involvement",
                        "Level or nature of involvement",
                        "How impact was captured",
                        "Results",
                        "Outcomes",
                        "Reflections/critical perspective");
        assertThat(section.select("p.tbw").eachText()).contains(LifecycleReport.TO_BE_WRITTEN);
        assertThat(section.text()).doesNotContain(EVENT);

        Document longForm =
                Parser.xmlParser().parseInput(http.getForObject(url(SMALL, "html") + "&gripp2=long", String.class), "");
        assertThat(longForm.select("#gripp2 table.checklist tbody tr")).hasSize(20);
        assertThat(longForm.select("#gripp2 h3").eachText()).contains("Economic assessment", "Keywords");
        assertThat(http.getForObject(url(SMALL, "md") + "&gripp2=long", String.class))
                .contains("| 4b | People involved |");

        ResponseEntity<String> refused = http.getForEntity(url(SMALL, "html") + "&gripp2=medium", String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("gripp2").contains("short or long");
    }

    /**
     * The event ids are evidence for those who audit the report, kept out of its text (issue 24):
     * the appendix counts them by default, lists them with appendix=full, and is left out with
     * appendix=none; the JSON holds them whichever is asked.
     */
    @Test
    void theEvidenceIsInAnAppendix_countedByDefault_listedWhenFull_absentWhenNone() {
        String summary = http.getForObject(url(SMALL, "html"), String.class);
        Document page = Parser.xmlParser().parseInput(summary, "");
        Element appendix = page.getElementById("evidence");
        assertThat(appendix).isNotNull();
        assertThat(appendix.select("h2").text()).isEqualTo("Appendix: the evidence");
        assertThat(appendix.select("tbody tr"))
                .extracting(tr -> tr.child(0).text() + " " + tr.child(1).text())
                .contains("Design: 1 decision 2", "GRIPP2: Outcomes 3");
        assertThat(summary).doesNotContain(EVENT);

        String full = http.getForObject(url(SMALL, "html") + "&appendix=full", String.class);
        Element listed = Parser.xmlParser().parseInput(full, "").getElementById("evidence");
        assertThat(listed.select("tbody th").eachText()).contains("Design: Pay peer researchers");
        assertThat(listed.select("td.ids").text()).contains(EVENT + "011", EVENT + "012");
        String beforeAppendix = full.substring(0, full.indexOf("<section id=\"evidence\">"));
        assertThat(beforeAppendix).doesNotContain(EVENT);

        assertThat(http.getForObject(url(SMALL, "html") + "&appendix=none", String.class))
                .doesNotContain("Appendix: the evidence");
        assertThat(http.getForObject(url(SMALL, "md") + "&appendix=full", String.class))
                .contains("## Appendix: the evidence")
                .contains(EVENT + "011");
        assertThat(http.getForObject(url(SMALL, "json") + "&appendix=none", String.class))
                .contains(EVENT + "011");

        ResponseEntity<String> refused = http.getForEntity(url(SMALL, "html") + "&appendix=all", String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("appendix").contains("none, summary or full");
    }

    private LifecycleReport assertTheReportHoldsTheParticipationFigures(
            String projectId, Instant asOf, Instant knownAt) {
        LifecycleReport report = reports.report(projectId, new PointInTime(asOf, knownAt));
        Participation figures =
                participation.participation(projectId, WindowKind.PHASE, new PointInTime(asOf, knownAt));

        assertThat(report.phases()).extracting(PhaseSection::participation).isEqualTo(figures.windows());
        assertThat(report.lifecycle().phases())
                .containsExactlyElementsOf(figures.windows().stream()
                        .map(Participation.Window::key)
                        .toList());
        assertThat(report.overview().record().asOf()).isEqualTo(asOf);
        assertThat(report.overview().record().knownAt()).isEqualTo(knownAt);
        return report;
    }

    /** The cells of one column of the Markdown table under the caption, by the row's first cell. */
    private static Map<String, String> column(String md, String caption, int index) {
        List<String> lines = md.lines().toList();
        int at = -1;
        for (int i = 0; i < lines.size() && at < 0; i++) {
            at = unescape(lines.get(i)).equals("**" + caption + "**") ? i : -1;
        }
        assertThat(at).as(caption).isNotNegative();
        Map<String, String> cells = new java.util.HashMap<>();
        // Caption, blank line, header row, delimiter row, then the rows up to the blank line.
        for (int i = at + 4; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] row = lines.get(i).substring(2, lines.get(i).length() - 2).split(" \\| ");
            cells.put(unescape(row[0]), unescape(row[index]));
        }
        return cells;
    }

    private static String unescape(String markdown) {
        return markdown.replaceAll("\\\\(\\p{Punct})", "$1")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String label(String perspective) {
        String words = perspective.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String url(String projectId, String format) {
        return "/api/projects/" + projectId + "/report?asOf=" + AS_OF + "&knownAt=" + KNOWN_AT
                + (format == null ? "" : "&format=" + format);
    }

    /**
     * Two phases: in design ann speaks twice and bea (service user) once, bea proposes d-1 and ann
     * supports it, it is made by consensus, and bea writes a private reflection coded "voice"; in
     * fieldwork cal (clinician) joins and speaks twice, ann and bea once each.
     */
    static List<String> smallStudy() {
        String title = AWKWARD_TITLE.replace("\"", "\\\"");
        String[] lines = {
            line(1, "ProjectRegistered", "2023-01-01", "\"title\":\"" + title + "\""),
            line(2, "MemberJoined", "2023-01-01", member("ann", "Ann Archer", "RESEARCHER", "ACADEMIC")),
            line(3, "MemberJoined", "2023-01-01", member("bea", AWKWARD_NAME, "PEER_WORKER", "SERVICE_USER")),
            line(4, "PhaseStarted", "2023-01-02", "\"phaseId\":\"design\",\"name\":\"Design\""),
            line(5, "MeetingHeld", "2023-01-10T10:00:00Z", meeting("m-1", "\"ann\",\"bea\"")),
            line(
                    6,
                    "DecisionProposed",
                    "2023-01-10T10:05:00Z",
                    "\"decisionId\":\"d-1\",\"title\":\"Pay peer researchers\",\"proposedBy\":\"bea\""),
            line(
                    7,
                    "InfluenceRecorded",
                    "2023-01-10T10:10:00Z",
                    "\"decisionId\":\"d-1\",\"influenceId\":\"i-1\",\"memberId\":\"ann\",\"kind\":\"SUPPORTED\""),
            line(8, "ContributionRecorded", "2023-01-10T10:01:00Z", said("m-1", "c-1", "ann", "GIVES_ORIENTATION")),
            line(9, "ContributionRecorded", "2023-01-10T10:02:00Z", said("m-1", "c-2", "ann", "GIVES_OPINION")),
            line(10, "ContributionRecorded", "2023-01-10T10:03:00Z", said("m-1", "c-3", "bea", "GIVES_SUGGESTION")),
            line(
                    11,
                    "DecisionMade",
                    "2023-01-10T11:00:00Z",
                    "\"decisionId\":\"d-1\",\"outcome\":\"Yes\",\"method\":\"CONSENSUS\","
                            + "\"decidedBy\":[\"ann\",\"bea\"]"),
            line(
                    12,
                    "ReflectionWritten",
                    "2023-01-11",
                    "\"reflectionId\":\"r-1\",\"authorId\":\"bea\",\"text\":\"" + SECRET
                            + "\",\"visibility\":\"PRIVATE\""),
            line(
                    13,
                    "ReflectionCoded",
                    "2023-01-12",
                    "\"reflectionId\":\"r-1\",\"codes\":[\"voice\"],\"codedBy\":\"bea\""),
            line(14, "PhaseStarted", "2023-03-01", "\"phaseId\":\"fieldwork\",\"name\":\"Fieldwork\""),
            line(15, "MemberJoined", "2023-03-01", member("cal", "Cal Cole", "CO_INVESTIGATOR", "CLINICIAN")),
            line(16, "MeetingHeld", "2023-03-10T10:00:00Z", meeting("m-2", "\"ann\",\"bea\",\"cal\"")),
            line(17, "ContributionRecorded", "2023-03-10T10:01:00Z", said("m-2", "c-4", "cal", "GIVES_OPINION")),
            line(18, "ContributionRecorded", "2023-03-10T10:02:00Z", said("m-2", "c-5", "cal", "DISAGREES")),
            line(19, "ContributionRecorded", "2023-03-10T10:03:00Z", said("m-2", "c-6", "ann", "AGREES")),
            line(20, "ContributionRecorded", "2023-03-10T10:04:00Z", said("m-2", "c-7", "bea", "ASKS_FOR_OPINION")),
        };
        return List.of(lines);
    }

    private static String line(int n, String type, String occurredAt, String fields) {
        // Recorded when it occurred, or at the start of the day for a date.
        String recordedAt = occurredAt.length() == 10 ? occurredAt + "T00:00:00Z" : occurredAt;
        return "{\"type\":\"" + type + "\",\"schemaVersion\":1,\"eventId\":\"00000000-0000-0000-0000-"
                + String.format("%012d", n) + "\",\"recordedAt\":\"" + recordedAt + "\",\"data\":{\"projectId\":\""
                + SMALL + "\",\"occurredAt\":\"" + occurredAt + "\"," + fields + "}}";
    }

    private static String member(String id, String name, String role, String perspective) {
        return "\"memberId\":\"" + id + "\",\"name\":\"" + name.replace("\"", "\\\"") + "\",\"role\":\"" + role
                + "\",\"perspectives\":[\"" + perspective + "\"]";
    }

    private static String meeting(String id, String attendees) {
        return "\"meetingId\":\"" + id + "\",\"title\":\"Team meeting\",\"kind\":\"TEAM\",\"attendees\":[" + attendees
                + "]";
    }

    private static String said(String meetingId, String id, String memberId, String category) {
        return "\"meetingId\":\"" + meetingId + "\",\"contributionId\":\"" + id + "\",\"memberId\":\"" + memberId
                + "\",\"category\":\"" + category + "\"";
    }

    private void importLines(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name + ".jsonl");
        Files.write(file, lines);
        importer.importFile(file, new ImportProgress() {});
    }

    /** A copy without the entries of 0 in its {@code ipa}, {@code areas} and {@code byMethod} maps. */
    private static JsonNode withoutZeroEntries(JsonNode node) {
        JsonNode copy = node.deepCopy();
        for (String map : List.of("ipa", "areas", "byMethod")) {
            for (JsonNode holder : copy.findParents(map)) {
                JsonNode entries = holder.get(map);
                if (entries instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                    List<String> zeros = new java.util.ArrayList<>();
                    object.fields().forEachRemaining(e -> {
                        if (e.getValue().isNumber() && e.getValue().doubleValue() == 0) {
                            zeros.add(e.getKey());
                        }
                    });
                    object.remove(zeros);
                }
            }
        }
        return copy;
    }
}

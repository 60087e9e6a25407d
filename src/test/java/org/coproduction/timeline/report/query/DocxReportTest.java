package org.coproduction.timeline.report.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Word document holds the page's headings as Word's headings, its tables, charts and names. */
class DocxReportTest {

    private static final String PAGE =
            """
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8"/><title>Peer workers: lifecycle report</title>
            <meta name="subject" content="How the team worked together"/></head>
            <body><main><h1>Peer workers: lifecycle report</h1>
            <p>Project peer-workers, as of 2024-01-31.</p>
            <section><h2>Overview</h2>
            <table><caption>Members</caption><thead><tr><th scope="col">Name</th><th scope="col">Share</th></tr></thead>
            <tbody><tr><th scope="row">Łucja Wiśniewska</th><td class="n">0.25</td></tr>
            <tr><th scope="row">Đặng Thu Hà</th><td class="n">≥ 0.05</td></tr></tbody></table></section>
            <section><h2>Across the lifecycle</h2><h3>Contribution share</h3>
            <figure><svg xmlns="http://www.w3.org/2000/svg" role="img" width="720" height="300">
            <title>Contribution share by perspective</title><desc>Stacked bars</desc>
            <rect x="0" y="0" width="50" height="25" fill="#1d4f91"/><text x="10" y="40">Design</text></svg></figure>
            </section>
            <section id="gripp2"><h2>GRIPP2 reporting</h2><h3 id="gripp2-reflections">Reflections</h3>
            <div class="team"><p class="by">Written by the team (Siân Llewelyn), 2024-01-09:</p>
            <p>What went well.</p></div><p class="tbw">To be written by the team</p>
            <ul><li>A shift</li></ul></section>
            <section id="methods"><h2>Methods</h2><dl><dt>Gini</dt><dd>Inequality of turns.</dd></dl></section>
            </main></body></html>
            """;

    private static byte[] docx;

    @BeforeAll
    static void render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DocxReport.writeHtml(PAGE, out);
        docx = out.toByteArray();
    }

    private static XWPFDocument open() throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    @Test
    void theHeadingsAreWordsHeadingsInOrder_andTheMainSectionsStartAPage() throws IOException {
        try (XWPFDocument doc = open()) {
            List<XWPFParagraph> headings = doc.getParagraphs().stream()
                    .filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading"))
                    .toList();
            assertThat(headings)
                    .extracting(p -> p.getStyle() + " " + p.getText())
                    .containsExactly(
                            "Heading1 Peer workers: lifecycle report",
                            "Heading2 Overview",
                            "Heading2 Across the lifecycle",
                            "Heading3 Contribution share",
                            "Heading2 GRIPP2 reporting",
                            "Heading3 Reflections",
                            "Heading2 Methods");
            assertThat(headings)
                    .filteredOn(XWPFParagraph::isPageBreak)
                    .extracting(XWPFParagraph::getText)
                    .containsExactly("Across the lifecycle", "GRIPP2 reporting");
            assertThat(doc.getStyles().getStyle("Heading2").getName()).isEqualTo("heading 2");
        }
    }

    @Test
    void theTablesKeepTheirCaptionHeaderRowAndFiguresWithEveryNameAsWritten() throws IOException {
        try (XWPFDocument doc = open()) {
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            assertThat(table.getRows())
                    .extracting(r -> r.getCell(0).getText() + "|" + r.getCell(1).getText())
                    .containsExactly("Name|Share", "Łucja Wiśniewska|0.25", "Đặng Thu Hà|≥ 0.05");
            assertThat(table.getRow(1).getCell(1).getParagraphs().get(0).getAlignment())
                    .isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).contains("Members");
        }
    }

    @Test
    void theChartIsAPngPictureWithItsTitleAsAlternativeText() throws IOException {
        try (XWPFDocument doc = open()) {
            assertThat(doc.getAllPictures()).singleElement().satisfies(picture -> {
                assertThat(picture.getPictureTypeEnum()).isEqualTo(PictureType.PNG);
                assertThat(picture.getData()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            });
            assertThat(doc.getParagraphs().stream()
                            .flatMap(p -> p.getRuns().stream())
                            .flatMap(r -> r.getEmbeddedPictures().stream())
                            .map(p -> p.getDescription()))
                    .containsExactly("Contribution share by perspective");
        }
    }

    @Test
    void theTeamsTextListsAndDefinitionsAreKept_andTheDocumentSaysItsTitleAndSubject() throws IOException {
        try (XWPFDocument doc = open()) {
            assertThat(doc.getParagraphs())
                    .extracting(XWPFParagraph::getText)
                    .contains(
                            "Written by the team (Siân Llewelyn), 2024-01-09:",
                            "What went well.",
                            "To be written by the team",
                            "\u2022 A shift",
                            "Gini",
                            "Inequality of turns.");
            XWPFParagraph team = doc.getParagraphs().stream()
                    .filter(p -> p.getText().equals("What went well."))
                    .findFirst()
                    .orElseThrow();
            assertThat(team.getIndentationLeft()).isPositive();
            assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo("Peer workers: lifecycle report");
            assertThat(doc.getProperties().getCoreProperties().getSubject()).isEqualTo("How the team worked together");
        }
    }
}

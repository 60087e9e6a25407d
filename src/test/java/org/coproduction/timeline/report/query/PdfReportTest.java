package org.coproduction.timeline.report.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PDF sets every name in an embedded font, and says its title and language and is tagged. */
class PdfReportTest {

    private static final String PAGE =
            """
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8"/><title>Peer workers: lifecycle report</title>
            <meta name="subject" content="How the team worked together"/></head>
            <body><main><h1>Peer workers: lifecycle report</h1>
            <section><h2>The team</h2>
            <table><caption>Members</caption><thead><tr><th scope="col">Name</th><th scope="col">Share</th></tr></thead>
            <tbody><tr><td>Łucja Wiśniewska</td><td>≥ 5%</td></tr>
            <tr><td><strong>Siân Llewelyn</strong></td><td><em>Đặng Thu Hà</em></td></tr></tbody></table>
            <p class="ids">e-1 e-2</p>
            <figure><svg xmlns="http://www.w3.org/2000/svg" role="img" width="720" height="300">
            <title id="c-title">Contribution share &amp; more</title><desc>Bars</desc>
            <rect x="0" y="0" width="50" height="25" fill="#1d4f91"/></svg></figure>
            </section></main></body></html>
            """;

    private static byte[] pdf;

    @BeforeAll
    static void render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReport.writeHtml(PAGE, out);
        pdf = out.toByteArray();
    }

    @Test
    void everyNamePrintsAsWrittenInTheTextLayer() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Łucja Wiśniewska", "Siân Llewelyn", "Đặng Thu Hà", "≥ 5%")
                    .doesNotContain("#ucja");
        }
    }

    @Test
    void everyFontIsEmbeddedAndIsDejaVuSans() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            });
            assertThat(fonts).extracting(PDFont::getName).anyMatch(name -> name.contains("Bold"));
            assertThat(fonts).extracting(PDFont::getName).anyMatch(name -> name.contains("Oblique"));
        }
    }

    @Test
    void theDocumentSaysItsTitleAndLanguageAndIsTaggedForScreenReaders() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Peer workers: lifecycle report");
            assertThat(document.getDocumentInformation().getSubject()).isEqualTo("How the team worked together");
            assertThat(document.getDocumentInformation().getProducer()).isEqualTo("Coproduction Timeline");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(document.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(document.getDocumentCatalog().getStructureTreeRoot().getKids())
                    .isNotEmpty();
        }
    }

    private static void collect(List<Object> kids, String type, List<PDStructureElement> found) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement element) {
                if (type.equals(element.getStructureType())) {
                    found.add(element);
                }
                collect(element.getKids(), type, found);
            }
        }
    }
}

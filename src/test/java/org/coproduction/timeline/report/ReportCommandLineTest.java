package org.coproduction.timeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.coproduction.timeline.TimelineApplication;
import org.coproduction.timeline.interchange.cli.InterchangeCommandLine;
import org.coproduction.timeline.report.cli.ReportCommandLine;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line writes a project's lifecycle report to a file from a store, without the web
 * server; it lives beside {@link ReportIntegrationTest} to import the same small study.
 */
class ReportCommandLineTest {

    private static final String AS_OF = "--asOf=2023-12-31";

    @TempDir
    Path dir;

    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void captureErrors() {
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErrors() {
        System.setErr(originalErr);
    }

    @Test
    void writesThePdfAndTheHtmlReportOfAStoredProjectAndRefusesAnUnknownOne() throws IOException {
        String store = "--timeline.data-dir=./target/test-data/cli-report-" + UUID.randomUUID();
        Path history = dir.resolve("small.jsonl");
        Files.write(history, ReportIntegrationTest.smallStudy());
        assertThat(InterchangeCommandLine.run(
                        TimelineApplication.class, new String[] {"import", history.toString(), store}))
                .isZero();
        Path pdf = dir.resolve("small.pdf");
        Path html = dir.resolve("small.html");

        int pdfCode = ReportCommandLine.run(TimelineApplication.class, new String[] {
            "report", ReportIntegrationTest.SMALL, "--format", "pdf", "--out", pdf.toString(), AS_OF, store
        });
        int htmlCode = ReportCommandLine.run(TimelineApplication.class, new String[] {
            "report",
            ReportIntegrationTest.SMALL,
            "--format=html",
            "--out=" + html,
            AS_OF,
            "--knownAt=2024-01-01",
            store
        });
        int unknownCode = ReportCommandLine.run(TimelineApplication.class, new String[] {
            "report",
            "nobody",
            "--format",
            "pdf",
            "--out",
            dir.resolve("nobody.pdf").toString(),
            store
        });

        assertThat(pdfCode).isZero();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Phase by phase")
                    .contains("Page 1 of ");
        }
        assertThat(htmlCode).isZero();
        Parser strict = Parser.xmlParser().setTrackErrors(10);
        assertThat(strict.parseInput(Files.readString(html), "").select("h2").eachText())
                .containsExactly(
                        "Overview",
                        "Phase by phase",
                        "Across the lifecycle",
                        "GRIPP2 reporting",
                        "Methods",
                        "Appendix: the evidence");
        assertThat(strict.getErrors()).isEmpty();
        assertThat(unknownCode).isEqualTo(1);
        assertThat(dir.resolve("nobody.pdf")).doesNotExist();
        assertThat(dir).isDirectoryNotContaining("glob:**.partial");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("wrote the pdf report of " + ReportIntegrationTest.SMALL + " to " + pdf.toAbsolutePath())
                .contains("wrote the html report of " + ReportIntegrationTest.SMALL)
                .contains("project nobody is not registered");
    }

    @Test
    void givenAnUnknownFormat_thenExitsWithTwoBeforeReadingAnything() {
        int code = ReportCommandLine.run(TimelineApplication.class, new String[] {
            "report",
            ReportIntegrationTest.SMALL,
            "--format",
            "odt",
            "--out",
            dir.resolve("r.odt").toString()
        });

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown format odt: must be html, md, json, pdf or docx");
    }

    @Test
    void answersUsageWithoutAProjectOrAnOutputFileAndRefusesABadTime() {
        assertThat(ReportCommandLine.run(TimelineApplication.class, new String[] {"report", "--format", "pdf"}))
                .isEqualTo(2);
        assertThat(ReportCommandLine.run(TimelineApplication.class, new String[] {"report", "p", "--format", "pdf"}))
                .isEqualTo(2);
        assertThat(ReportCommandLine.run(TimelineApplication.class, new String[] {
                    "report", "p", "--out", dir.resolve("r.pdf").toString(), "--asOf=yesterday"
                }))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("usage: report PROJECT --format html|md|json|pdf|docx --out FILE")
                .contains("asOf must be a date like 2012-03-05");
    }
}

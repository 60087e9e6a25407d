package org.coproduction.timeline.report.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.platform.web.TimeTravel;
import org.coproduction.timeline.report.api.LifecycleReport;
import org.coproduction.timeline.report.query.DocxReport;
import org.coproduction.timeline.report.query.HtmlReport;
import org.coproduction.timeline.report.query.LifecycleReportQuery;
import org.coproduction.timeline.report.query.MarkdownReport;
import org.coproduction.timeline.report.query.PdfReport;
import org.coproduction.timeline.report.query.ReportOptions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The lifecycle report of a project, as a self-contained HTML page, as Markdown, as JSON or as a PDF. */
@RestController
@Tag(name = "Reports")
class ReportController {

    private static final String FORMAT = "html (default): one self-contained page, charts as inline SVG;"
            + " json: the same content as data; md: GitHub-flavoured Markdown, charts as data-URI images"
            + " and tables; pdf: the HTML page as an A4 PDF with page numbers, as an attachment; docx: the"
            + " HTML page as a Word document (headings, tables, charts as pictures), as an attachment. Other"
            + " values are refused with 400.";

    private static final String APPENDIX = "The evidence after the report (html, md, pdf): none; summary (the default),"
            + " how many events lie behind each decision and GRIPP2 item; full, their ids. The JSON holds them"
            + " all. Other values are refused with 400.";

    private static final String GRIPP2 = "The GRIPP2 checklist the report prints (html, md, pdf): short (the default)"
            + " or long, each item with where it is answered and whether it is. The JSON holds both. Other"
            + " values are refused with 400.";

    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);
    private static final MediaType MARKDOWN =
            new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8);

    private final LifecycleReportQuery reports;
    private final TimeTravel time;

    ReportController(LifecycleReportQuery reports, TimeTravel time) {
        this.reports = reports;
        this.time = time;
    }

    @GetMapping("/api/projects/{projectId}/report")
    @Operation(
            summary = "The project's lifecycle report",
            description = "Overview (phases, team size by perspective, the record it was built from), phase by"
                    + " phase (the participation figures by perspective, Gini, entropy, IPA areas, involvement,"
                    + " decisions with their influencers and event ids, reflection themes as code counts only,"
                    + " notable shifts of 0.05 or more as sentences), series across the lifecycle, and the"
                    + " methods appendix. The figures are those of participation?by=phase for the same"
                    + " asOf and knownAt. See docs/reports.md.")
    ResponseEntity<?> report(
            @PathVariable String projectId,
            @Parameter(description = FORMAT) @RequestParam(required = false) String format,
            @Parameter(description = APPENDIX) @RequestParam(required = false) String appendix,
            @Parameter(description = GRIPP2) @RequestParam(required = false) String gripp2,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt) {
        String chosen = format(format);
        ReportOptions options = ReportOptions.parse(appendix, gripp2);
        LifecycleReport report = reports.report(projectId, time.at(asOf, knownAt));
        if (chosen.equals("pdf")) {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename(projectId + "-report.pdf")
                                    .build()
                                    .toString())
                    .body(PdfReport.render(report, options));
        }
        if (chosen.equals("docx")) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(DocxReport.MEDIA_TYPE))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename(projectId + "-report.docx")
                                    .build()
                                    .toString())
                    .body(DocxReport.render(report, options));
        }
        if (chosen.equals("html")) {
            return ResponseEntity.ok().contentType(HTML).body(HtmlReport.render(report, options));
        }
        if (chosen.equals("md")) {
            return ResponseEntity.ok().contentType(MARKDOWN).body(MarkdownReport.render(report, options));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    /** Checked before anything is read, so a bad format is refused even for an unknown project. */
    private static String format(String format) {
        if (format == null || format.isBlank()) {
            return "html";
        }
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "html", "json", "md", "pdf", "docx" -> format.toLowerCase(Locale.ROOT);
            default -> throw new InvalidFieldException("format", "must be html, json, md, pdf or docx");
        };
    }
}

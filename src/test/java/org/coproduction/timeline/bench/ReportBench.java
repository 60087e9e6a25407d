package org.coproduction.timeline.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import org.coproduction.timeline.TimelineApplication;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.report.api.LifecycleReport;
import org.coproduction.timeline.report.query.DocxReport;
import org.coproduction.timeline.report.query.HtmlReport;
import org.coproduction.timeline.report.query.LifecycleReportQuery;
import org.coproduction.timeline.report.query.MarkdownReport;
import org.coproduction.timeline.report.query.PdfReport;
import org.coproduction.timeline.report.query.ReportOptions;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ReportBench DATA_DIR PROJECT [RUNS]} opens an existing store and times the lifecycle
 * report of one project, as known now: building it and rendering the HTML page, then rendering the
 * PDF and the Word document, each after as many warm-up runs; prints medians and the heap in use afterwards.
 */
public final class ReportBench {

    private ReportBench() {}

    public static void main(String[] args) throws InterruptedException {
        String projectId = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TimelineApplication.class)
                .web(WebApplicationType.NONE)
                .run("--timeline.data-dir=" + args[0], "--timeline.demo.load-on-empty-store=false")) {
            Processors.awaitAllAtHead(app);
            LifecycleReportQuery reports = app.getBean(LifecycleReportQuery.class);
            double[] html = new double[runs];
            double[] pdf = new double[runs];
            double[] docx = new double[runs];
            double[] page = new double[runs];
            double[] markdown = new double[runs];
            long pdfBytes = 0;
            for (int warm = 0; warm < 2; warm++) {
                for (int i = 0; i < runs; i++) {
                    Instant now = Instant.now();
                    long start = System.nanoTime();
                    LifecycleReport report = reports.report(projectId, new PointInTime(now, now));
                    String html0 = HtmlReport.render(report);
                    long rendered = System.nanoTime();
                    for (int again = 0; again < 10; again++) {
                        HtmlReport.render(report);
                    }
                    long pages = System.nanoTime();
                    for (int again = 0; again < 10; again++) {
                        MarkdownReport.render(report);
                    }
                    long markdowns = System.nanoTime();
                    page[i] = (pages - rendered) / 1e7;
                    markdown[i] = (markdowns - pages) / 1e7;
                    long printing = System.nanoTime();
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    PdfReport.write(report, out);
                    long printed = System.nanoTime();
                    DocxReport.write(report, ReportOptions.DEFAULT, OutputStream.nullOutputStream());
                    html[i] = (rendered - start) / 1e6;
                    pdf[i] = (printed - printing) / 1e6;
                    docx[i] = (System.nanoTime() - printed) / 1e6;
                    pdfBytes = out.size() + (html0.isEmpty() ? 1 : 0);
                }
            }
            Arrays.sort(html);
            Arrays.sort(pdf);
            Arrays.sort(docx);
            Arrays.sort(page);
            Arrays.sort(markdown);
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            System.out.printf(
                    "report %s: HTML (build and render) median %.0f ms, min %.0f ms; PDF render median %.0f ms,"
                            + " min %.0f ms (%d KB); DOCX render median %.0f ms, min %.0f ms; over %d warm runs (heap in use"
                            + " after GC %d MB of max %d MB); the page alone median %.1f ms, min %.1f ms; Markdown median %.1f ms, min"
                            + " %.1f ms (each the mean of 10)%n",
                    projectId,
                    html[runs / 2],
                    html[0],
                    pdf[runs / 2],
                    pdf[0],
                    pdfBytes >> 10,
                    docx[runs / 2],
                    docx[0],
                    runs,
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                    runtime.maxMemory() >> 20,
                    page[runs / 2],
                    page[0],
                    markdown[runs / 2],
                    markdown[0]);
        }
    }
}

package org.coproduction.timeline.report.query;

import org.coproduction.timeline.report.api.LifecycleReport;

/**
 * The lifecycle report as one self-contained HTML5 page, laid out by the template {@code
 * src/main/jte/html/report.jte} from the report's {@link ReportView}: inline CSS that prints well,
 * charts as inline SVG, no script and nothing fetched. The page is well-formed XML (void elements
 * closed) so that it parses strictly, which the PDF and the Word document rely on; headings go h1,
 * h2, h3, h4 without skipping; every table has a caption and header cells; every chart has a title,
 * a description and a data table after it. jte escapes all text for where it stands.
 */
public final class HtmlReport {

    private HtmlReport() {}

    /** The report as an HTML page, with the summary of its evidence. */
    public static String render(LifecycleReport report) {
        return render(report, ReportOptions.DEFAULT);
    }

    /** The report as an HTML page, with its evidence as asked. */
    public static String render(LifecycleReport report, ReportOptions options) {
        return render(ReportViews.of(report, options));
    }

    /** The page of a report's view. */
    static String render(ReportView view) {
        return ReportTemplates.render("report.jte", view, 96 * 1024);
    }
}

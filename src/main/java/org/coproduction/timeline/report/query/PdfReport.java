package org.coproduction.timeline.report.query;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.coproduction.timeline.report.api.LifecycleReport;

/**
 * The lifecycle report as a PDF, rendered by openhtmltopdf from the very HTML page {@link
 * HtmlReport} writes, so the two never differ in content: the charts are the same inline SVG (drawn
 * by Batik, scripts and external resources refused), and a style sheet for paged media is added in
 * the head (A4, page numbers at the foot, each main section on a new page, table headers repeated).
 * The page is already well-formed XML, which is what openhtmltopdf parses.
 *
 * <p>The text is set in DejaVu Sans, embedded (the glyphs used only), so that every name prints as
 * written: the PDF's built-in Helvetica has no "Ł", "ặ" or "≥". The fonts are read from the class
 * path (the {@code jasperreports-fonts} artifact, with their licence), never from the file system.
 * The document carries the page's title and language, and is tagged for screen readers (PDF/UA).
 */
public final class PdfReport {

    /**
     * Paged media for openhtmltopdf, which reads CSS 2.1 paging ({@code page-break-*}) rather than
     * the {@code break-*} of the page's own print rules. The sections run on without a page break
     * (a heading is kept with what follows it), so that the demo's report fits 15 pages (issue 24);
     * rows and charts are not split. The cells' padding is narrowed so that the ten columns of a
     * phase's participation table fit A4. The SVG would be drawn at its attribute size (720 x 300
     * px, wider than A4's text) unless given a width; the height keeps the charts' aspect ratio.
     */
    static final String PAGED_STYLE =
            """
            @page { size: A4; margin: 16mm 14mm 18mm 14mm;
                    @bottom-center { content: "Page " counter(page) " of " counter(pages);
                                     font-family: 'DejaVu Sans'; font-size: 8pt; color: #333333; } }
            body { font-family: 'DejaVu Sans'; font-size: 9pt; line-height: 1.3; max-width: none; margin: 0;
                   padding: 0; }
            h1 { font-size: 18pt; }
            h2 { font-size: 14pt; margin-top: 1.2em; page-break-after: avoid; }
            h3 { font-size: 11pt; page-break-after: avoid; }
            h4 { font-size: 10pt; page-break-after: avoid; }
            table { -fs-table-paginate: paginate; font-size: 8pt; width: 100%; }
            thead { display: table-header-group; }
            th, td { padding: 1.5pt 3pt; }
            tr, figure { page-break-inside: avoid; }
            caption { page-break-after: avoid; }
            figure { margin: 0.5em 0; }
            svg { width: 120mm; height: 50mm; }
            table.decisions { table-layout: fixed; font-size: 7.5pt; }
            table.decisions th:nth-child(1) { width: 40%; }
            table.decisions th:nth-child(2) { width: 11%; }
            table.decisions th:nth-child(3) { width: 10%; }
            table.checklist { table-layout: fixed; }
            table.checklist th:nth-child(1) { width: 6%; }
            table.checklist th:nth-child(2) { width: 18%; }
            table.checklist th:nth-child(3) { width: 40%; }
            table.checklist th:nth-child(5) { width: 12%; }
            .ids { font-family: 'DejaVu Sans'; font-size: 6.5pt; }
            """;

    /** The family name the style sheet asks for. */
    static final String FONT_FAMILY = "DejaVu Sans";

    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

    /** Each face of the family: its file, weight and style. */
    private enum Face {
        REGULAR("DejaVuSans.ttf", 400, FontStyle.NORMAL),
        BOLD("DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
        OBLIQUE("DejaVuSans-Oblique.ttf", 400, FontStyle.OBLIQUE),
        BOLD_OBLIQUE("DejaVuSans-BoldOblique.ttf", 700, FontStyle.OBLIQUE);

        final String file;
        final int weight;
        final FontStyle style;

        Face(String file, int weight, FontStyle style) {
            this.file = file;
            this.weight = weight;
            this.style = style;
        }

        InputStream open() {
            InputStream in = PdfReport.class.getResourceAsStream(FONTS + file);
            if (in == null) {
                throw new IllegalStateException("the font " + file + " is not on the class path");
            }
            return in;
        }
    }

    static {
        XRLog.setLoggerImpl(new PdfLog());
    }

    private PdfReport() {}

    /** The report as a PDF document. */
    public static byte[] render(LifecycleReport report) {
        return render(report, ReportOptions.DEFAULT);
    }

    /** The report as a PDF document, printed as asked. */
    public static byte[] render(LifecycleReport report, ReportOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        write(report, options, out);
        return out.toByteArray();
    }

    /** Writes the report as a PDF document to {@code out}, which is left open. */
    public static void write(LifecycleReport report, OutputStream out) {
        write(report, ReportOptions.DEFAULT, out);
    }

    /** Writes the report, printed as asked, as a PDF document to {@code out}, left open. */
    public static void write(LifecycleReport report, ReportOptions options, OutputStream out) {
        writeHtml(HtmlReport.render(report, options), out);
    }

    /**
     * A page with what a report holds (headings, a table, a chart's SVG with text), rendered to
     * nothing: loads and initialises the renderer, the SVG drawer and the PDF library.
     */
    public static void warmUp() {
        writeHtml(
                """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"/><title>Warm-up</title>
                <meta name="subject" content="A page to load the renderer"/></head>
                <body><main><h1>Warm-up</h1><section><h2>Section</h2>
                <table><caption>Table</caption><thead><tr><th scope="col">A</th></tr></thead>
                <tbody><tr><td>1</td></tr></tbody></table>
                <figure><svg xmlns="http://www.w3.org/2000/svg" role="img" width="100" height="50">
                <title>Chart</title><rect x="0" y="0" width="50" height="25" fill="#1d4f91"/>
                <text x="10" y="40" font-size="11">Label</text></svg></figure>
                </section></main></body></html>
                """,
                OutputStream.nullOutputStream());
    }

    /** Renders a page written by {@link HtmlReport}. */
    static void writeHtml(String html, OutputStream out) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        // The page is self-contained: no base URI, so nothing can be resolved against one.
        builder.withHtmlContent(paged(html), null);
        builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
        builder.withProducer("Coproduction Timeline");
        for (Face face : Face.values()) {
            builder.useFont(face::open, FONT_FAMILY, face.weight, face.style, true);
        }
        builder.usePdfUaAccessibility(true);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF report", e);
        }
    }

    /** An SVG chart's opening tag and its title, whose (escaped) text is group 3. */
    private static final Pattern SVG_TITLE = Pattern.compile("(<svg\\b[^>]*?)>(\\s*<title\\b[^>]*>([^<]*)</title>)");

    /**
     * The page with the paged-media style sheet after its own, so that it wins where both say
     * something, and each chart's title also as its {@code alt}, which is where openhtmltopdf takes a
     * tagged figure's alternative text from (the HTML keeps its title and role for browsers).
     */
    static String paged(String html) {
        int head = html.indexOf("</head>");
        if (head < 0) {
            throw new IllegalArgumentException("not a page written by HtmlReport: no </head>");
        }
        String page = html.substring(0, head) + "<style>" + PAGED_STYLE + "</style>\n" + html.substring(head);
        return SVG_TITLE.matcher(page).replaceAll("$1 alt=\"$3\">$2");
    }
}

package org.coproduction.timeline.report.query;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import java.util.regex.Pattern;
import org.coproduction.timeline.report.api.LifecycleReport;

/**
 * The lifecycle report as GitHub-flavoured Markdown, laid out by the template {@code
 * src/main/jte/markdown/report.jte} from the same {@link ReportView} as the HTML page, in the same
 * order: headings one level at a time, pipe tables with a header row (a bold caption before each),
 * and each chart as an image whose source is the SVG in a data URI (alt text: the chart's title)
 * followed by its data as a table, so the figures read even where the image does not show.
 *
 * <p>Markdown has no escaping of its own that a library offers, so {@link Output} escapes every
 * value the template writes: text from the record cannot make Markdown or HTML of its own.
 */
public final class MarkdownReport {

    /** Up to nine digits then {@code .} or {@code )} at the start: how an ordered list item begins. */
    private static final Pattern LIST_NUMBER = Pattern.compile("^(\\d{1,9})([.)])");

    /** The document's templates, compiled with the application (jte-maven-plugin). */
    private static final TemplateEngine TEMPLATES =
            TemplateEngine.createPrecompiled(null, ContentType.Plain, null, "gg.jte.generated.report.markdown");

    private MarkdownReport() {}

    /** The report as a Markdown document. */
    public static String render(LifecycleReport report) {
        return render(report, ReportOptions.DEFAULT);
    }

    /** The report as Markdown, printed as asked. */
    public static String render(LifecycleReport report, ReportOptions options) {
        Output document = new Output();
        TEMPLATES.render("report.jte", ReportViews.of(report, options), document);
        return document.toString();
    }

    /**
     * Text made literal in Markdown: {@code <}, {@code >} and {@code &} become the entities {@code
     * &lt;}, {@code &gt;} and {@code &amp;}, so no renderer (CommonMark, GitHub's, or one that knows
     * no backslash escapes) can read raw HTML, an autolink or an entity in them; each other character
     * that could start emphasis, code, a link, an image, a heading, a table cell or strikethrough is
     * backslash-escaped; line breaks become spaces so the text stays in its paragraph or cell. Null
     * reads as empty.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '#', '|', '!', '~' -> out.append('\\')
                        .append(c);
                case '\r', '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Text escaped as {@link #escape} does, for the start of a line (a paragraph or a list item's
     * text): leading white space, which could make an indented code block, is dropped, and a leading
     * {@code -} or {@code +}, or the {@code .} or {@code )} after leading digits, which could open a
     * list or draw a rule, is backslash-escaped.
     */
    static String escapeLine(String text) {
        String escaped = escape(text).stripLeading();
        if (escaped.startsWith("-") || escaped.startsWith("+")) {
            return "\\" + escaped;
        }
        return LIST_NUMBER.matcher(escaped).replaceFirst("$1\\\\$2");
    }

    /**
     * Where the template writes: its own text as it is, and every value escaped, with {@link
     * #escapeLine} where the value opens a block (at the start of a line, or after a quote's or list
     * item's marker) and {@link #escape} elsewhere (in a heading, a cell, emphasis).
     */
    static final class Output implements TemplateOutput {

        private final StringBuilder text = new StringBuilder(64 * 1024);

        /** Where the line being written starts. */
        private int line;

        @Override
        public void writeContent(String value) {
            writeContent(value, 0, value.length());
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            int newline = value.lastIndexOf('\n', endIndex - 1);
            if (newline >= beginIndex) {
                line = text.length() + newline - beginIndex + 1;
            }
            text.append(value, beginIndex, endIndex);
        }

        @Override
        public void writeUserContent(String value) {
            if (value != null) {
                text.append(opensBlock() ? escapeLine(value) : escape(value));
            }
        }

        /** Whether the line so far is nothing, or only quote and list item markers ({@code "> "}, {@code "- "}). */
        private boolean opensBlock() {
            int length = text.length() - line;
            if (length % 2 != 0) {
                return false;
            }
            for (int i = line; i < text.length(); i += 2) {
                char marker = text.charAt(i);
                if ((marker != '>' && marker != '-') || text.charAt(i + 1) != ' ') {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}

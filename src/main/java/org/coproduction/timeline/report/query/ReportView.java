package org.coproduction.timeline.report.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The lifecycle report as a reader sees it, built once from the report and the options asked
 * ({@link ReportViews}) and laid out by the templates under {@code src/main/jte}: the HTML page
 * (which the PDF and the Word document convert) and the Markdown. Everything here is already words:
 * codes said as words, instants as dates, figures to two decimals, sentences whole. A template only
 * places them and escapes them for its format; it decides nothing. A null part is one the report
 * leaves out.
 *
 * @param title the report's title (the page's title and its first heading)
 * @param description what the report is, for the page's description and the PDF's subject
 * @param lead the line under the title: the project and the time pair
 * @param appendix the evidence appendix, null when none was asked
 */
public record ReportView(
        String title,
        String description,
        String lead,
        Overview overview,
        List<Phase> phases,
        Lifecycle lifecycle,
        Gripp2 gripp2,
        List<Term> methods,
        Appendix appendix) {

    public ReportView {
        phases = List.copyOf(phases);
        methods = List.copyOf(methods);
    }

    /** The overview: the project's dates, its phases, its team over time and what the report was built from. */
    public record Overview(String dates, Table phases, Table teamSize, Table record) {}

    /**
     * One phase.
     *
     * @param summary its period and headline figures in a sentence
     * @param noDecisions the sentence said when the phase has no decision, else null
     * @param decisions the decisions listed in the phase, null when none is
     * @param proposedLater the sentence naming decisions proposed here and made later, else null
     * @param themes the reflections and their codes in a sentence
     * @param shifts the notable shifts, one sentence each
     * @param noShifts what is said when there is no notable shift, else null
     */
    public record Phase(
            String name,
            String summary,
            Table participation,
            String noDecisions,
            Table decisions,
            String proposedLater,
            String themes,
            List<String> shifts,
            String noShifts) {

        public Phase {
            shifts = List.copyOf(shifts);
        }
    }

    /** The charts across the lifecycle, each with its data, and the involvement matrix. */
    public record Lifecycle(List<Chart> charts, Table involvement) {

        public Lifecycle {
            charts = List.copyOf(charts);
        }
    }

    /** A chart: the heading it goes under, its title (its alternative text), the SVG, and its data. */
    public record Chart(String heading, String title, String svg, Table data) {

        /** The SVG as a data URI, for a format that shows images by address (Markdown). */
        public String dataUri() {
            return "data:image/svg+xml;base64,"
                    + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The GRIPP2 part: what it is, its checklist, and the answers the checklist points at. */
    public record Gripp2(
            String heading,
            String introduction,
            String caption,
            List<String> headers,
            List<ChecklistRow> checklist,
            List<Answer> answers) {

        public Gripp2 {
            headers = List.copyOf(headers);
            checklist = List.copyOf(checklist);
            answers = List.copyOf(answers);
        }
    }

    /** One checklist item: its number, topic, wording, the answers that answer it, and its status. */
    public record ChecklistRow(String number, String topic, String wording, List<Link> answeredIn, String status) {

        public ChecklistRow {
            answeredIn = List.copyOf(answeredIn);
        }
    }

    /** A link within the report: the id it goes to and its text. */
    public record Link(String anchor, String text) {}

    /**
     * One GRIPP2 answer under its heading.
     *
     * @param anchor the heading's id, which the checklist links to
     * @param team what the team wrote, null if nothing yet
     * @param toBeWritten the placeholder for an answer only people can give and nobody has, else null
     * @param text what the record says, null for an answer only people can give
     * @param table the answer's breakdown, null if none
     */
    public record Answer(String anchor, String heading, TeamText team, String toBeWritten, String text, Table table) {}

    /** The team's own text: who wrote it and from when, then its paragraphs. */
    public record TeamText(String by, List<String> paragraphs) {

        public TeamText {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** A term of the methods and its definition. */
    public record Term(String term, String definition) {}

    /** The evidence appendix: what it holds, the events behind each part, and (when full) each decision's evidence. */
    public record Appendix(String introduction, Table events, List<Table> evidence) {

        public Appendix {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * A table with a caption, its columns, and rows whose first cell names the row.
     *
     * @param kind the table's class in the page ({@code decisions}, {@code checklist}), null for none
     */
    public record Table(String caption, String kind, List<Column> columns, List<Row> rows) {

        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        /** The column of a row's cell (cells start at the second column: the first is the row's header). */
        public Column column(int cell) {
            return columns.get(cell + 1);
        }
    }

    /** A column: its header and what its cells hold, which sets how they align. */
    public record Column(String header, Cells cells) {

        /** What a column's cells hold. */
        public enum Cells {
            /** Words, aligned left. */
            TEXT,
            /** Figures, aligned right in tabular digits. */
            FIGURES,
            /** Event ids, in small monospace. */
            IDS;

            /** The cell's class in the page, null for words. */
            public String htmlClass() {
                return switch (this) {
                    case TEXT -> null;
                    case FIGURES -> "n";
                    case IDS -> "ids";
                };
            }

            /** The column's delimiter in a Markdown table. */
            public String markdownDelimiter() {
                return this == FIGURES ? "---:" : "---";
            }
        }
    }

    /** A row: the header cell naming it, then its other cells. */
    public record Row(String header, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }
    }
}

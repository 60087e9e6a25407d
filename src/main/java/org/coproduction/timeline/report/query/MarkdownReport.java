package org.coproduction.timeline.report.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.coproduction.timeline.meeting.api.IpaCategory;
import org.coproduction.timeline.participation.api.Involvement;
import org.coproduction.timeline.participation.api.Participation.PerspectiveFigures;
import org.coproduction.timeline.participation.api.Participation.Window;
import org.coproduction.timeline.report.api.Gripp2Form;
import org.coproduction.timeline.report.api.LifecycleReport;
import org.coproduction.timeline.report.api.LifecycleReport.Definition;
import org.coproduction.timeline.report.api.LifecycleReport.Gripp2;
import org.coproduction.timeline.report.api.LifecycleReport.Gripp2Item;
import org.coproduction.timeline.report.api.LifecycleReport.Lifecycle;
import org.coproduction.timeline.report.api.LifecycleReport.Overview;
import org.coproduction.timeline.report.api.LifecycleReport.PhaseDates;
import org.coproduction.timeline.report.api.LifecycleReport.PhaseSection;
import org.coproduction.timeline.report.api.LifecycleReport.ReportDecision;
import org.coproduction.timeline.report.api.LifecycleReport.TeamSize;

/**
 * The lifecycle report as GitHub-flavoured Markdown, with the content of {@link HtmlReport} in the
 * same order: headings one level at a time, pipe tables with a header row (a bold caption before
 * each), and each chart as an image whose source is the SVG in a data URI (alt text: the chart's
 * title) followed by its data as a table, so the figures read even where the image does not show.
 * Text from the record is escaped so that it cannot make Markdown or HTML of its own.
 */
public final class MarkdownReport {

    /** Up to nine digits then {@code .} or {@code )} at the start: how an ordered list item begins. */
    private static final Pattern LIST_NUMBER = Pattern.compile("^(\\d{1,9})([.)])");

    private final StringBuilder md = new StringBuilder(64 * 1024);

    private MarkdownReport() {}

    /** The report as a Markdown document. */
    public static String render(LifecycleReport report) {
        return render(report, ReportOptions.DEFAULT);
    }

    /** The report as Markdown, printed as asked. */
    public static String render(LifecycleReport report, ReportOptions options) {
        return new MarkdownReport().document(report, options);
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

    private String document(LifecycleReport report, ReportOptions options) {
        Overview overview = report.overview();
        heading(1, "Lifecycle report: " + (overview.title() == null ? overview.projectId() : overview.title()));
        paragraph("Project " + overview.projectId() + ", as of "
                + ReportWords.when(overview.record().asOf(), "") + ", as the record stood at "
                + ReportWords.when(overview.record().knownAt(), "") + ".");
        overview(overview);
        heading(2, "Phase by phase");
        java.util.Set<String> made = HtmlReport.madeOrRevised(report);
        report.phases().forEach(phase -> phase(phase, overview.closedAt(), made));
        lifecycle(report.lifecycle(), report.phases());
        gripp2(report.gripp2(), options.gripp2());
        methods(report.methods());
        appendix(report, options);
        return md.toString();
    }

    private void overview(Overview overview) {
        heading(2, "Overview");
        paragraph("Registered " + ReportWords.when(overview.registeredAt(), "at an unknown time")
                + (overview.closedAt() == null
                        ? "; open."
                        : "; closed " + ReportWords.when(overview.closedAt(), "") + "."));
        heading(3, "Phases");
        List<List<String>> rows = new ArrayList<>();
        for (PhaseDates phase : overview.phases()) {
            rows.add(List.of(
                    phase.name(),
                    phase.key(),
                    ReportWords.when(phase.start(), "from the start"),
                    HtmlReport.until(phase.end(), overview.closedAt())));
        }
        table("Phases and their dates (end exclusive)", List.of("Phase", "Key", "Start", "End"), rows, 99);

        heading(3, "Team size over time");
        TreeSet<String> perspectives = new TreeSet<>();
        overview.teamSize().forEach(t -> perspectives.addAll(t.byPerspective().keySet()));
        List<String> headers = new ArrayList<>(List.of("Phase", "Members"));
        perspectives.forEach(p -> headers.add(ReportWords.words(p)));
        Map<String, String> names = new LinkedHashMap<>();
        overview.phases().forEach(p -> names.put(p.key(), p.name()));
        rows = new ArrayList<>();
        for (TeamSize size : overview.teamSize()) {
            List<String> row = new ArrayList<>(
                    List.of(names.getOrDefault(size.key(), size.key()), String.valueOf(size.members())));
            perspectives.forEach(
                    p -> row.add(String.valueOf(size.byPerspective().getOrDefault(p, 0))));
            rows.add(row);
        }
        table("Team members at the end of each phase, by primary perspective", headers, rows, 1);

        heading(3, "The record");
        LifecycleReport.Provenance record = overview.record();
        table(
                "What this report was built from",
                List.of("Item", "Value"),
                List.of(
                        List.of("Events recorded by knownAt", String.valueOf(record.events())),
                        List.of("First recorded", ReportWords.when(record.firstRecordedAt(), "none")),
                        List.of("Last recorded", ReportWords.when(record.lastRecordedAt(), "none")),
                        List.of("As of (valid time)", ReportWords.when(record.asOf(), "")),
                        List.of("As recorded at (recorded time)", ReportWords.when(record.knownAt(), "")),
                        List.of("Event schema versions", String.join(", ", record.schemaVersions()))),
                99);
    }

    private void phase(PhaseSection phase, Instant closedAt, java.util.Set<String> made) {
        Window window = phase.participation();
        heading(3, window.name());
        paragraph(ReportWords.when(window.start(), "From the start") + " to " + HtmlReport.until(window.end(), closedAt)
                + ": " + window.meetings() + " meetings, " + window.totalContributions() + " contributions, Gini "
                + HtmlReport.number(window.gini()) + ", perspective entropy "
                + HtmlReport.number(window.perspectiveEntropy()) + "; "
                + window.decisions().made()
                + " decisions made, " + window.decisions().withServiceUserInfluence()
                + " with service-user influence.");

        TreeSet<String> perspectives = new TreeSet<>(window.involvement().keySet());
        window.perspectives().forEach(p -> perspectives.add(p.perspective()));
        List<String> headers = new ArrayList<>(
                List.of("Perspective", "Contributions", "Share", "Voice ratio", "Influence share", "Involvement"));
        for (IpaCategory.Area area : IpaCategory.Area.values()) {
            headers.add(ReportWords.words(area));
        }
        List<List<String>> rows = new ArrayList<>();
        for (String perspective : perspectives) {
            PerspectiveFigures figures = window.perspectives().stream()
                    .filter(p -> p.perspective().equals(perspective))
                    .findFirst()
                    .orElse(null);
            List<String> row = new ArrayList<>();
            row.add(ReportWords.words(perspective));
            row.add(figures == null ? "0" : String.valueOf(figures.contributions()));
            row.add(figures == null ? "0.00" : HtmlReport.number(figures.share()));
            row.add(figures == null || figures.voiceRatio() == null ? "n/a" : HtmlReport.number(figures.voiceRatio()));
            row.add(figures == null ? "0.00" : HtmlReport.number(figures.influenceShare()));
            row.add(ReportWords.words(window.involvement().getOrDefault(perspective, Involvement.NONE)));
            for (IpaCategory.Area area : IpaCategory.Area.values()) {
                row.add(
                        figures == null
                                ? "0.00"
                                : HtmlReport.number(figures.areas().getOrDefault(area, 0.0)));
            }
            rows.add(row);
        }
        table("Participation by primary perspective in " + window.name(), headers, rows, 1);

        heading(4, "Decisions");
        if (phase.decisions().isEmpty()) {
            paragraph("No decision was proposed, made or revised in this phase.");
        } else {
            rows = new ArrayList<>();
            for (ReportDecision decision : HtmlReport.listed(phase, made)) {
                rows.add(List.of(
                        decision.title() == null ? decision.decisionId() : decision.title(),
                        decision.steps().stream().map(ReportWords::words).collect(Collectors.joining(", ")),
                        ReportWords.words(decision.status()),
                        ReportWords.words(decision.method()),
                        HtmlReport.names(decision.influencers())));
            }
            if (!rows.isEmpty()) {
                table(
                        String.format(HtmlReport.DECISIONS_CAPTION, window.name()),
                        List.of("Decision", "Steps here", "Status", "Method", "Influencers"),
                        rows,
                        99);
            }
            String later = HtmlReport.proposedHereMadeLater(phase, made);
            if (later != null) {
                paragraph(later);
            }
        }

        heading(4, "Reflection themes");
        paragraph(HtmlReport.themes(phase));

        heading(4, "Notable shifts");
        if (phase.notableShifts().isEmpty()) {
            paragraph(
                    window.shift() == null
                            ? "The first phase: nothing to compare with."
                            : "No change of 0.05 or more from the phase before.");
        } else {
            phase.notableShifts()
                    .forEach(s -> md.append("- ").append(escapeLine(s)).append('\n'));
            md.append('\n');
        }
    }

    private void lifecycle(Lifecycle lifecycle, List<PhaseSection> phases) {
        List<String> names = phases.stream().map(p -> p.participation().name()).toList();
        heading(2, "Across the lifecycle");
        for (ReportChart chart : ReportChart.of(lifecycle, names)) {
            heading(3, chart.heading());
            md.append("![")
                    .append(escape(chart.title()))
                    .append("](data:image/svg+xml;base64,")
                    .append(Base64.getEncoder().encodeToString(chart.svg().getBytes(StandardCharsets.UTF_8)))
                    .append(")\n\n");
            List<String> headers = new ArrayList<>(List.of("Phase"));
            headers.addAll(chart.series().keySet());
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                List<String> row = new ArrayList<>(List.of(names.get(i)));
                for (List<Double> values : chart.series().values()) {
                    row.add(HtmlReport.number(values.get(i)));
                }
                rows.add(row);
            }
            table(chart.title() + " (data)", headers, rows, 1);
        }

        heading(3, "Involvement by phase and perspective");
        List<String> headers = new ArrayList<>(List.of("Phase"));
        lifecycle.perspectives().forEach(p -> headers.add(ReportWords.words(p)));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<String> row = new ArrayList<>(List.of(names.get(i)));
            for (String perspective : lifecycle.perspectives()) {
                row.add(ReportWords.words(
                        lifecycle.involvement().get(perspective).get(i)));
            }
            rows.add(row);
        }
        table(
                "Involvement level per phase and primary perspective (none, consulted, collaborated, led)",
                headers,
                rows,
                1);
    }

    private void gripp2(Gripp2 gripp2, Gripp2Form form) {
        heading(2, HtmlReport.GRIPP2_HEADING);
        paragraph(HtmlReport.gripp2Introduction(form));
        List<List<String>> rows = gripp2.checklist(form).stream()
                .map(item -> List.of(
                        item.number(),
                        item.topic(),
                        item.wording(),
                        item.answeredIn().stream().map(gripp2::heading).collect(Collectors.joining(", ")),
                        ReportWords.words(item.status())))
                .toList();
        table(HtmlReport.checklistCaption(form), HtmlReport.CHECKLIST_HEADERS, rows, 99);
        gripp2.answers(form).forEach(this::gripp2Item);
    }

    private void gripp2Item(Gripp2Item item) {
        heading(3, item.item());
        if (item.written() != null) {
            md.append("> *")
                    .append(escape(HtmlReport.writtenBy(item.written())))
                    .append("*\n>\n");
            List<String> paragraphs = HtmlReport.paragraphs(item.written().text());
            for (int i = 0; i < paragraphs.size(); i++) {
                md.append("> ")
                        .append(escapeLine(paragraphs.get(i)))
                        .append(i + 1 < paragraphs.size() ? "\n>\n" : "\n\n");
            }
        }
        if (item.toBeWrittenByTeam()) {
            if (item.written() == null) {
                md.append('*').append(escape(item.text())).append("*\n\n");
            }
            return;
        }
        paragraph(item.text());
        if (item.table() != null) {
            LifecycleReport.Gripp2Table shown = EvidenceAppendix.withoutEvents(item.table());
            table(shown.caption(), shown.headers(), shown.rows(), 99);
        }
    }

    /** The evidence behind the report, after the methods: counted, listed, or left out. */
    private void appendix(LifecycleReport report, ReportOptions options) {
        EvidenceAppendix appendix = options.appendix();
        if (appendix == EvidenceAppendix.NONE) {
            return;
        }
        heading(2, "Appendix: the evidence");
        paragraph(appendix.introduction());
        List<List<String>> rows = new ArrayList<>();
        for (EvidenceAppendix.Part part : appendix.parts(report, options.gripp2())) {
            List<String> row = new ArrayList<>(
                    List.of(part.part(), String.valueOf(part.eventIds().size())));
            if (appendix == EvidenceAppendix.FULL) {
                row.add(String.join(" ", part.eventIds()));
            }
            rows.add(row);
        }
        table(
                "The events behind each part of the report",
                appendix == EvidenceAppendix.FULL ? List.of("Part", "Events", "Event ids") : List.of("Part", "Events"),
                rows,
                1);
        if (appendix == EvidenceAppendix.FULL) {
            for (LifecycleReport.Gripp2Table evidence : EvidenceAppendix.evidenceTables(report, options.gripp2())) {
                LifecycleReport.Gripp2Table shown = EvidenceAppendix.withoutEvents(evidence);
                table(shown.caption(), shown.headers(), shown.rows(), 99);
            }
        }
    }

    private void methods(List<Definition> definitions) {
        heading(2, "Methods");
        for (Definition definition : definitions) {
            md.append("- **")
                    .append(escape(definition.term()))
                    .append("**: ")
                    .append(escape(definition.definition()))
                    .append('\n');
        }
        md.append('\n');
    }

    private void heading(int level, String text) {
        md.append("#".repeat(level)).append(' ').append(escape(text)).append("\n\n");
    }

    private void paragraph(String text) {
        md.append(escapeLine(text)).append("\n\n");
    }

    /**
     * A bold caption, then a pipe table: the header row, the delimiter row (columns from
     * {@code firstNumeric} on aligned right), and the rows.
     */
    private void table(String caption, List<String> headers, List<List<String>> rows, int firstNumeric) {
        md.append("**").append(escape(caption)).append("**\n\n|");
        headers.forEach(h -> md.append(' ').append(escape(h)).append(" |"));
        md.append("\n|");
        for (int i = 0; i < headers.size(); i++) {
            md.append(i >= firstNumeric ? " ---: |" : " --- |");
        }
        md.append('\n');
        for (List<String> row : rows) {
            md.append('|');
            row.forEach(cell -> md.append(' ').append(escape(cell)).append(" |"));
            md.append('\n');
        }
        md.append('\n');
    }
}

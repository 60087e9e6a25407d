package org.coproduction.timeline.report.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.coproduction.timeline.meeting.api.IpaCategory;
import org.coproduction.timeline.participation.api.Involvement;
import org.coproduction.timeline.participation.api.Participation.PerspectiveFigures;
import org.coproduction.timeline.participation.api.Participation.Window;
import org.coproduction.timeline.report.api.Gripp2Form;
import org.coproduction.timeline.report.api.LifecycleReport;
import org.coproduction.timeline.report.api.LifecycleReport.ChecklistItem;
import org.coproduction.timeline.report.api.LifecycleReport.Definition;
import org.coproduction.timeline.report.api.LifecycleReport.Gripp2;
import org.coproduction.timeline.report.api.LifecycleReport.Gripp2Item;
import org.coproduction.timeline.report.api.LifecycleReport.Lifecycle;
import org.coproduction.timeline.report.api.LifecycleReport.Overview;
import org.coproduction.timeline.report.api.LifecycleReport.PhaseDates;
import org.coproduction.timeline.report.api.LifecycleReport.PhaseSection;
import org.coproduction.timeline.report.api.LifecycleReport.ReportDecision;
import org.coproduction.timeline.report.api.LifecycleReport.ReportInfluencer;
import org.coproduction.timeline.report.api.LifecycleReport.TeamSize;

/**
 * The lifecycle report as one self-contained HTML5 page: inline CSS that prints well, charts as
 * inline SVG, no script and nothing fetched. Written as well-formed XML (void elements closed) so
 * that it parses strictly; headings go h1, h2, h3, h4 without skipping; every table has a caption
 * and header cells; every chart has a title, a description and a data table after it. All text
 * from the record is escaped.
 */
public final class HtmlReport {

    private static final String STYLE =
            """
            body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #ffffff;
                   max-width: 60rem; margin: 0 auto; padding: 1rem; line-height: 1.45; }
            h1, h2, h3, h4 { line-height: 1.2; }
            h2 { border-bottom: 2px solid #1a1a1a; margin-top: 2.5rem; }
            table { border-collapse: collapse; margin: 0.5rem 0 1.25rem; }
            caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
            th, td { border: 1px solid #595959; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            thead th { background: #e8e8e8; }
            .tbw { font-style: italic; }
            .team { border-left: 3px solid #1d4f91; padding-left: 0.75rem; margin: 0.5rem 0 1rem; }
            .team .by { color: #333333; font-size: 0.9em; }
            .ids { font-family: ui-monospace, monospace; font-size: 0.8rem; color: #333333; }
            svg { max-width: 100%; height: auto; }
            @media print {
              body { max-width: none; padding: 0; font-size: 10pt; }
              h2 { break-before: page; }
              section.phase, figure, table { break-inside: avoid; }
            }
            """;

    static final String GRIPP2_HEADING = "GRIPP2 reporting";
    /** What the GRIPP2 part says before its checklist. */
    static String gripp2Introduction(Gripp2Form form) {
        return (form == Gripp2Form.LONG
                        ? "The GRIPP2 long form (Staniszewska et al., BMJ 2017;358:j3453), for reports whose main"
                                + " focus is involvement."
                        : "The GRIPP2 short form (Staniszewska et al., BMJ 2017;358:j3453), for reports where"
                                + " involvement is one focus among others.")
                + " Each item says where the report answers it and whether it does: from the record (figures and"
                + " lists from the events, linked to them in the appendix) or not yet (for the team to write).";
    }

    static String checklistCaption(Gripp2Form form) {
        return "GRIPP2 " + (form == Gripp2Form.LONG ? "long" : "short") + " form: each item and where it is answered";
    }

    static final List<String> CHECKLIST_HEADERS = List.of("Item", "Topic", "What to report", "Answered in", "Status");

    private final StringBuilder html = new StringBuilder(64 * 1024);

    private HtmlReport() {}

    /** The report as an HTML page, with the summary of its evidence. */
    public static String render(LifecycleReport report) {
        return render(report, ReportOptions.DEFAULT);
    }

    /** The report as an HTML page, with its evidence as asked. */
    public static String render(LifecycleReport report, ReportOptions options) {
        return new HtmlReport().page(report, options);
    }

    /** Text made safe for element content and quoted attribute values; null reads as empty. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private String page(LifecycleReport report, ReportOptions options) {
        Overview overview = report.overview();
        String title = "Lifecycle report: " + (overview.title() == null ? overview.projectId() : overview.title());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(escape(title))
                .append("</title>\n");
        // The description for a browser; the same as the subject, which openhtmltopdf puts in the PDF.
        String description = escape("How the team worked together, phase by phase, and its GRIPP2 reporting items,"
                + " as of " + ReportWords.when(overview.record().asOf(), "") + ".");
        html.append("<meta name=\"description\" content=\"")
                .append(description)
                .append("\"/>\n<meta name=\"subject\" content=\"")
                .append(description)
                .append("\"/>\n<style>")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
        element("h1", title);
        element(
                "p",
                "Project " + overview.projectId() + ", as of "
                        + ReportWords.when(overview.record().asOf(), "") + ", as the record stood at "
                        + ReportWords.when(overview.record().knownAt(), "") + ".");
        overview(overview);
        html.append("<section>\n");
        element("h2", "Phase by phase");
        java.util.Set<String> made = madeOrRevised(report);
        for (PhaseSection phase : report.phases()) {
            phase(phase, overview.closedAt(), made);
        }
        html.append("</section>\n");
        lifecycle(report.lifecycle(), report.phases());
        gripp2(report.gripp2(), options.gripp2());
        methods(report.methods());
        appendix(report, options);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private void overview(Overview overview) {
        html.append("<section>\n");
        element("h2", "Overview");
        element(
                "p",
                "Registered " + ReportWords.when(overview.registeredAt(), "at an unknown time")
                        + (overview.closedAt() == null
                                ? "; open."
                                : "; closed " + ReportWords.when(overview.closedAt(), "") + "."));
        element("h3", "Phases");
        List<List<String>> rows = new ArrayList<>();
        for (PhaseDates phase : overview.phases()) {
            rows.add(List.of(
                    phase.name(),
                    phase.key(),
                    ReportWords.when(phase.start(), "from the start"),
                    until(phase.end(), overview.closedAt())));
        }
        table(
                "Phases and their dates (end exclusive)",
                List.of("Phase", "Key", "Start", "End"),
                rows,
                Integer.MAX_VALUE);

        element("h3", "Team size over time");
        TreeSet<String> perspectives = new TreeSet<>();
        overview.teamSize().forEach(t -> perspectives.addAll(t.byPerspective().keySet()));
        List<String> headers = new ArrayList<>(List.of("Phase", "Members"));
        perspectives.forEach(p -> headers.add(ReportWords.words(p)));
        rows = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        overview.phases().forEach(p -> names.put(p.key(), p.name()));
        for (TeamSize size : overview.teamSize()) {
            List<String> row = new ArrayList<>(
                    List.of(names.getOrDefault(size.key(), size.key()), String.valueOf(size.members())));
            perspectives.forEach(
                    p -> row.add(String.valueOf(size.byPerspective().getOrDefault(p, 0))));
            rows.add(row);
        }
        table("Team members at the end of each phase, by primary perspective", headers, rows, 1);

        element("h3", "The record");
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
                Integer.MAX_VALUE);
        html.append("</section>\n");
    }

    private void phase(PhaseSection phase, Instant closedAt, java.util.Set<String> made) {
        Window window = phase.participation();
        html.append("<section class=\"phase\">\n");
        element("h3", window.name());
        element(
                "p",
                ReportWords.when(window.start(), "From the start") + " to " + until(window.end(), closedAt) + ": "
                        + window.meetings() + " meetings, " + window.totalContributions() + " contributions, Gini "
                        + number(window.gini()) + ", perspective entropy " + number(window.perspectiveEntropy())
                        + "; " + window.decisions().made() + " decisions made, "
                        + window.decisions().withServiceUserInfluence() + " with service-user influence.");

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
            row.add(figures == null ? "0.00" : number(figures.share()));
            row.add(figures == null || figures.voiceRatio() == null ? "n/a" : number(figures.voiceRatio()));
            row.add(figures == null ? "0.00" : number(figures.influenceShare()));
            row.add(ReportWords.words(window.involvement().getOrDefault(perspective, Involvement.NONE)));
            for (IpaCategory.Area area : IpaCategory.Area.values()) {
                row.add(figures == null ? "0.00" : number(figures.areas().getOrDefault(area, 0.0)));
            }
            rows.add(row);
        }
        table("Participation by primary perspective in " + window.name(), headers, rows, 1);

        element("h4", "Decisions");
        List<ReportDecision> listed = listed(phase, made);
        if (phase.decisions().isEmpty()) {
            element("p", "No decision was proposed, made or revised in this phase.");
        }
        if (!listed.isEmpty()) {
            html.append("<table class=\"decisions\">\n<caption>")
                    .append(escape(String.format(DECISIONS_CAPTION, window.name())))
                    .append("</caption>\n<thead><tr>");
            for (String header : List.of("Decision", "Steps here", "Status", "Method", "Influencers")) {
                html.append("<th scope=\"col\">").append(header).append("</th>");
            }
            html.append("</tr></thead>\n<tbody>\n");
            for (ReportDecision decision : listed) {
                html.append("<tr><th scope=\"row\">")
                        .append(escape(decision.title() == null ? decision.decisionId() : decision.title()))
                        .append("</th><td>")
                        .append(escape(decision.steps().stream()
                                .map(ReportWords::words)
                                .collect(Collectors.joining(", "))))
                        .append("</td><td>")
                        .append(escape(decision.status() == null ? "" : ReportWords.words(decision.status())))
                        .append("</td><td>")
                        .append(escape(decision.method() == null ? "" : ReportWords.words(decision.method())))
                        .append("</td><td>")
                        .append(escape(names(decision.influencers())))
                        .append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        String later = proposedHereMadeLater(phase, made);
        if (later != null) {
            element("p", later);
        }

        element("h4", "Reflection themes");
        element("p", themes(phase));

        element("h4", "Notable shifts");
        if (phase.notableShifts().isEmpty()) {
            element(
                    "p",
                    window.shift() == null
                            ? "The first phase: nothing to compare with."
                            : "No change of 0.05 or more from the phase before.");
        } else {
            html.append("<ul>\n");
            phase.notableShifts().forEach(s -> element("li", s));
            html.append("</ul>\n");
        }
        html.append("</section>\n");
    }

    private void lifecycle(Lifecycle lifecycle, List<PhaseSection> phases) {
        List<String> names = phases.stream().map(p -> p.participation().name()).toList();
        html.append("<section>\n");
        element("h2", "Across the lifecycle");

        for (ReportChart chart : ReportChart.of(lifecycle, names)) {
            element("h3", chart.heading());
            chart(chart.svg(), chart.title(), names, chart.series());
        }

        element("h3", "Involvement by phase and perspective");
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
        html.append("</section>\n");
    }

    private void gripp2(Gripp2 gripp2, Gripp2Form form) {
        html.append("<section id=\"gripp2\">\n");
        element("h2", GRIPP2_HEADING);
        element("p", gripp2Introduction(form));
        html.append("<table class=\"checklist\">\n<caption>")
                .append(escape(checklistCaption(form)))
                .append("</caption>\n<thead><tr>");
        CHECKLIST_HEADERS.forEach(
                h -> html.append("<th scope=\"col\">").append(h).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (ChecklistItem item : gripp2.checklist(form)) {
            html.append("<tr><th scope=\"row\">")
                    .append(escape(item.number()))
                    .append("</th><td>")
                    .append(escape(item.topic()))
                    .append("</td><td>")
                    .append(escape(item.wording()))
                    .append("</td><td>");
            for (int i = 0; i < item.answeredIn().size(); i++) {
                String key = item.answeredIn().get(i);
                html.append(i == 0 ? "" : ", ")
                        .append("<a href=\"#gripp2-")
                        .append(key)
                        .append("\">")
                        .append(escape(gripp2.heading(key)))
                        .append("</a>");
            }
            html.append("</td><td>")
                    .append(escape(ReportWords.words(item.status())))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        gripp2.answers(form).forEach(this::gripp2Item);
        html.append("</section>\n");
    }

    private void gripp2Item(Gripp2Item item) {
        html.append("<h3 id=\"gripp2-")
                .append(item.key())
                .append("\">")
                .append(escape(item.item()))
                .append("</h3>\n");
        if (item.written() != null) {
            html.append("<div class=\"team\">\n<p class=\"by\">")
                    .append(escape(writtenBy(item.written())))
                    .append("</p>\n");
            paragraphs(item.written().text()).forEach(p -> element("p", p));
            html.append("</div>\n");
        }
        if (item.toBeWrittenByTeam()) {
            if (item.written() == null) {
                html.append("<p class=\"tbw\">").append(escape(item.text())).append("</p>\n");
            }
            return;
        }
        element("p", item.text());
        if (item.table() != null) {
            LifecycleReport.Gripp2Table shown = EvidenceAppendix.withoutEvents(item.table());
            table(shown.caption(), shown.headers(), shown.rows(), Integer.MAX_VALUE);
        }
    }

    /** Who wrote the team's answer, and from when it reads so. */
    static String writtenBy(LifecycleReport.TeamText team) {
        return "Written by the team ("
                + (team.authors().isEmpty() ? "authors withdrawn" : String.join(", ", team.authors())) + "), "
                + ReportWords.when(team.writtenAt()) + ":";
    }

    /** The team's text in its paragraphs: split at blank lines, each paragraph's lines joined. */
    static List<String> paragraphs(String text) {
        return java.util.Arrays.stream(text.strip().split("\\R\\s*\\R"))
                .map(p -> p.strip().replaceAll("\\s*\\R\\s*", " "))
                .filter(p -> !p.isEmpty())
                .toList();
    }

    /** The evidence behind the report, after the methods: counted, listed, or left out. */
    private void appendix(LifecycleReport report, ReportOptions options) {
        EvidenceAppendix appendix = options.appendix();
        if (appendix == EvidenceAppendix.NONE) {
            return;
        }
        html.append("<section id=\"evidence\">\n");
        element("h2", "Appendix: the evidence");
        element("p", appendix.introduction());
        html.append("<table>\n<caption>The events behind each part of the report</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Part</th><th scope=\"col\">Events</th>")
                .append(appendix == EvidenceAppendix.FULL ? "<th scope=\"col\">Event ids</th>" : "")
                .append("</tr></thead>\n<tbody>\n");
        for (EvidenceAppendix.Part part : appendix.parts(report, options.gripp2())) {
            html.append("<tr><th scope=\"row\">")
                    .append(escape(part.part()))
                    .append("</th><td class=\"num\">")
                    .append(part.eventIds().size())
                    .append("</td>");
            if (appendix == EvidenceAppendix.FULL) {
                html.append("<td class=\"ids\">")
                        .append(escape(String.join(" ", part.eventIds())))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (appendix == EvidenceAppendix.FULL) {
            for (LifecycleReport.Gripp2Table evidence : EvidenceAppendix.evidenceTables(report, options.gripp2())) {
                LifecycleReport.Gripp2Table shown = EvidenceAppendix.withoutEvents(evidence);
                table(shown.caption(), shown.headers(), shown.rows(), Integer.MAX_VALUE);
            }
        }
        html.append("</section>\n");
    }

    private void methods(List<Definition> definitions) {
        html.append("<section id=\"methods\">\n");
        element("h2", "Methods");
        html.append("<dl>\n");
        for (Definition definition : definitions) {
            element("dt", definition.term());
            element("dd", definition.definition());
        }
        html.append("</dl>\n</section>\n");
    }

    /** A chart inside a figure, then its data table: phases as rows, series as columns. */
    private void chart(String svg, String caption, List<String> phases, Map<String, List<Double>> series) {
        html.append("<figure>\n").append(svg).append("</figure>\n");
        List<String> headers = new ArrayList<>(List.of("Phase"));
        headers.addAll(series.keySet());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            List<String> row = new ArrayList<>(List.of(phases.get(i)));
            for (List<Double> values : series.values()) {
                row.add(number(values.get(i)));
            }
            rows.add(row);
        }
        table(caption + " (data)", headers, rows, 1);
    }

    /** A table with a caption, column headers and the first cell of each row as the row's header. */
    private void table(String caption, List<String> headers, List<List<String>> rows, int firstNumeric) {
        html.append("<table>\n<caption>").append(escape(caption)).append("</caption>\n<thead><tr>");
        headers.forEach(h -> html.append("<th scope=\"col\">").append(escape(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            html.append("<tr><th scope=\"row\">").append(escape(row.get(0))).append("</th>");
            for (int i = 1; i < row.size(); i++) {
                html.append(i >= firstNumeric ? "<td class=\"n\">" : "<td>")
                        .append(escape(row.get(i)))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private void element(String name, String text) {
        html.append('<')
                .append(name)
                .append('>')
                .append(escape(text))
                .append("</")
                .append(name)
                .append(">\n");
    }

    /** The decisions made or revised in some phase of the report. */
    static java.util.Set<String> madeOrRevised(LifecycleReport report) {
        return report.phases().stream()
                .flatMap(p -> p.decisions().stream())
                .filter(d -> d.steps().contains("MADE") || d.steps().contains("REVISED"))
                .map(ReportDecision::decisionId)
                .collect(Collectors.toSet());
    }

    /**
     * The decisions a phase's table lists: those made or revised in the phase, and those proposed
     * there and made in no phase. A decision only proposed in the phase and made in a later one is
     * named in a sentence instead ({@link #proposedHereMadeLater}), and listed where it is made.
     */
    static List<ReportDecision> listed(PhaseSection phase, java.util.Set<String> madeOrRevised) {
        return phase.decisions().stream()
                .filter(d -> !proposedHereMadeLater(d, madeOrRevised))
                .toList();
    }

    private static boolean proposedHereMadeLater(ReportDecision decision, java.util.Set<String> madeOrRevised) {
        boolean onlyProposed =
                !decision.steps().contains("MADE") && !decision.steps().contains("REVISED");
        return onlyProposed && madeOrRevised.contains(decision.decisionId());
    }

    /** The sentence naming a phase's decisions proposed there and made later, or null if none. */
    static String proposedHereMadeLater(PhaseSection phase, java.util.Set<String> madeOrRevised) {
        List<String> titles = phase.decisions().stream()
                .filter(d -> proposedHereMadeLater(d, madeOrRevised))
                .map(d -> d.title() == null ? d.decisionId() : d.title())
                .toList();
        return titles.isEmpty()
                ? null
                : "Also proposed here and made in a later phase, where they are listed: " + String.join("; ", titles)
                        + ".";
    }

    static final String DECISIONS_CAPTION = "Decisions made or revised in %s, and those proposed and not yet made";

    /** The influencers by name, as a phase's table of decisions gives them (their kinds are in the JSON). */
    static String names(List<ReportInfluencer> influencers) {
        return influencers.stream()
                .map(i -> i.name() == null ? i.memberId() : i.name())
                .collect(Collectors.joining(", "));
    }

    /** A phase's reflections in one sentence: how many, and how many carry each code. */
    static String themes(PhaseSection phase) {
        if (phase.themes().isEmpty()) {
            return phase.reflections() + " reflections written; none coded.";
        }
        return phase.reflections() + " reflections written (codes counted, texts never shown). By code: "
                + phase.themes().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "))
                + ".";
    }

    static String influencers(List<ReportInfluencer> influencers) {
        return influencers.stream()
                .map(i -> (i.name() == null ? i.memberId() : i.name()) + ": "
                        + i.kinds().stream().map(ReportWords::words).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    /**
     * A period's end as a reader wants it: its date, or the project's closure for the last phase of a
     * closed project (the phase ran until then), or "open" while it still runs.
     */
    static String until(Instant end, Instant closedAt) {
        return ReportWords.when(end, closedAt == null ? "open" : ReportWords.when(closedAt, "") + " (closure)");
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}

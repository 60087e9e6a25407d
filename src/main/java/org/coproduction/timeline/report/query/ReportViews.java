package org.coproduction.timeline.report.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.participation.api.Involvement;
import org.coproduction.timeline.participation.api.Participation.PerspectiveFigures;
import org.coproduction.timeline.participation.api.Participation.Window;
import org.coproduction.timeline.report.api.Gripp2Form;
import org.coproduction.timeline.report.api.LifecycleReport;
import org.coproduction.timeline.report.api.LifecycleReport.ChecklistItem;
import org.coproduction.timeline.report.api.LifecycleReport.Gripp2Item;
import org.coproduction.timeline.report.api.LifecycleReport.Gripp2Table;
import org.coproduction.timeline.report.api.LifecycleReport.Overview;
import org.coproduction.timeline.report.api.LifecycleReport.PhaseDates;
import org.coproduction.timeline.report.api.LifecycleReport.PhaseSection;
import org.coproduction.timeline.report.api.LifecycleReport.ReportDecision;
import org.coproduction.timeline.report.api.LifecycleReport.TeamSize;
import org.coproduction.timeline.report.query.ReportView.Answer;
import org.coproduction.timeline.report.query.ReportView.ChecklistRow;
import org.coproduction.timeline.report.query.ReportView.Column;
import org.coproduction.timeline.report.query.ReportView.Column.Cells;
import org.coproduction.timeline.report.query.ReportView.Link;
import org.coproduction.timeline.report.query.ReportView.Row;
import org.coproduction.timeline.report.query.ReportView.Table;

/**
 * Builds the {@link ReportView} of a report as asked: every sentence, table and chart the formats
 * print, in the words a reader reads. What is said, and what is left out at each appendix and GRIPP2
 * form, is decided here once for every format.
 */
public final class ReportViews {

    static final String GRIPP2_HEADING = "GRIPP2 reporting";

    private static final List<String> CHECKLIST_HEADERS =
            List.of("Item", "Topic", "What to report", "Answered in", "Status");

    /** The caption of a phase's table of decisions; %s is the phase. */
    static final String DECISIONS_CAPTION = "Decisions made or revised in %s, and those proposed and not yet made";

    private ReportViews() {}

    /** The view of a report, with its evidence and GRIPP2 form as the options ask. */
    public static ReportView of(LifecycleReport report, ReportOptions options) {
        Overview overview = report.overview();
        String title = "Lifecycle report: " + (overview.title() == null ? overview.projectId() : overview.title());
        String asOf = ReportWords.when(overview.record().asOf());
        Set<String> made = madeOrRevised(report);
        List<String> names =
                report.phases().stream().map(p -> p.participation().name()).toList();
        return new ReportView(
                title,
                "How the team worked together, phase by phase, and its GRIPP2 reporting items, as of " + asOf + ".",
                "Project " + overview.projectId() + ", as of " + asOf + ", as the record stood at "
                        + ReportWords.when(overview.record().knownAt()) + ".",
                overview(overview),
                report.phases().stream()
                        .map(phase -> phase(phase, overview.closedAt(), made, report))
                        .toList(),
                lifecycle(report.lifecycle(), names),
                gripp2(report.gripp2(), options.gripp2()),
                report.methods().stream()
                        .map(d -> new ReportView.Term(d.term(), d.definition()))
                        .toList(),
                appendix(report, options));
    }

    private static ReportView.Overview overview(Overview overview) {
        String dates = "Registered " + ReportWords.when(overview.registeredAt(), "at an unknown time")
                + (overview.closedAt() == null ? "; open." : "; closed " + ReportWords.when(overview.closedAt()) + ".");
        List<List<String>> rows = new ArrayList<>();
        for (PhaseDates phase : overview.phases()) {
            rows.add(List.of(
                    phase.name(),
                    ReportWords.when(phase.start(), "from the start"),
                    ReportWords.until(phase.end(), overview.closedAt())));
        }
        Table phases =
                table("Phases and their dates (end exclusive)", null, List.of("Phase", "Start", "End"), rows, NONE);

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
        Table teamSize = table("Team members at the end of each phase, by primary perspective", null, headers, rows, 1);

        LifecycleReport.Provenance record = overview.record();
        Table built = table(
                "What this report was built from",
                null,
                List.of("Item", "Value"),
                List.of(
                        List.of("Events recorded by knownAt", String.valueOf(record.events())),
                        List.of("First recorded", ReportWords.when(record.firstRecordedAt(), "none")),
                        List.of("Last recorded", ReportWords.when(record.lastRecordedAt(), "none")),
                        List.of("As of (valid time)", ReportWords.when(record.asOf())),
                        List.of("As recorded at (recorded time)", ReportWords.when(record.knownAt())),
                        List.of("Event schema versions", String.join(", ", record.schemaVersions())),
                        List.of("Codebook (as of valid time)", codebook(record.codebook()))),
                NONE);
        return new ReportView.Overview(dates, phases, teamSize, built);
    }

    private static ReportView.Phase phase(
            PhaseSection phase, Instant closedAt, Set<String> made, LifecycleReport report) {
        Window window = phase.participation();
        String summary = ReportWords.when(window.start(), "From the start") + " to "
                + ReportWords.until(window.end(), closedAt)
                + ": " + window.meetings() + " meetings, " + window.totalContributions() + " contributions, Gini "
                + ReportWords.number(window.gini()) + ", perspective entropy "
                + ReportWords.number(window.perspectiveEntropy()) + "; "
                + window.decisions().made() + " decisions made, "
                + window.decisions().withServiceUserInfluence()
                + " with service-user influence.";

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
            row.add(figures == null ? "0.00" : ReportWords.number(figures.share()));
            row.add(figures == null || figures.voiceRatio() == null ? "n/a" : ReportWords.number(figures.voiceRatio()));
            row.add(figures == null ? "0.00" : ReportWords.number(figures.influenceShare()));
            row.add(ReportWords.words(window.involvement().getOrDefault(perspective, Involvement.NONE)));
            for (IpaCategory.Area area : IpaCategory.Area.values()) {
                row.add(
                        figures == null
                                ? "0.00"
                                : ReportWords.number(figures.areas().getOrDefault(area, 0.0)));
            }
            rows.add(row);
        }
        Table participation = table("Participation by primary perspective in " + window.name(), null, headers, rows, 1);

        List<List<String>> decisions = new ArrayList<>();
        for (ReportDecision decision : listed(phase, made)) {
            decisions.add(List.of(
                    decision.title() == null ? decision.decisionId() : decision.title(),
                    decision.steps().stream().map(ReportWords::words).collect(Collectors.joining(", ")),
                    ReportWords.words(decision.method()),
                    names(decision.influencers())));
        }
        List<String> shifts = phase.notableShifts();
        return new ReportView.Phase(
                window.name(),
                summary,
                participation,
                phase.decisions().isEmpty() ? "No decision was proposed, made or revised in this phase." : null,
                decisions.isEmpty()
                        ? null
                        : table(
                                String.format(DECISIONS_CAPTION, window.name()),
                                "decisions",
                                List.of("Decision", "Steps here", "Method", "Influencers"),
                                decisions,
                                NONE),
                proposedHereMadeLater(phase, made),
                themes(phase, report),
                shifts,
                !shifts.isEmpty()
                        ? null
                        : window.shift() == null
                                ? "The first phase: nothing to compare with."
                                : "No change of 0.05 or more from the phase before.");
    }

    private static ReportView.Lifecycle lifecycle(LifecycleReport.Lifecycle lifecycle, List<String> names) {
        List<ReportView.Chart> charts = new ArrayList<>();
        for (ReportChart chart : ReportChart.of(lifecycle, names)) {
            List<String> headers = new ArrayList<>(List.of("Phase"));
            headers.addAll(chart.series().keySet());
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                List<String> row = new ArrayList<>(List.of(names.get(i)));
                for (List<Double> values : chart.series().values()) {
                    double value = values.get(i);
                    row.add(chart.counts() ? String.valueOf(Math.round(value)) : ReportWords.number(value));
                }
                rows.add(row);
            }
            charts.add(new ReportView.Chart(
                    chart.heading(),
                    chart.title(),
                    chart.svg(),
                    table(chart.title() + " (data)", null, headers, rows, 1)));
        }
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
        return new ReportView.Lifecycle(
                charts,
                table(
                        "Involvement level per phase and primary perspective (none, consulted, collaborated, led)",
                        null,
                        headers,
                        rows,
                        NONE));
    }

    private static ReportView.Gripp2 gripp2(LifecycleReport.Gripp2 gripp2, Gripp2Form form) {
        List<ChecklistRow> checklist = new ArrayList<>();
        for (ChecklistItem item : gripp2.checklist(form)) {
            checklist.add(new ChecklistRow(
                    item.number(),
                    item.topic(),
                    item.wording(),
                    item.answeredIn().stream()
                            .map(key -> new Link(anchor(key), gripp2.heading(key)))
                            .toList(),
                    ReportWords.words(item.status())));
        }
        return new ReportView.Gripp2(
                GRIPP2_HEADING,
                gripp2Introduction(form),
                "GRIPP2 " + (form == Gripp2Form.LONG ? "long" : "short") + " form: each item and where it is answered",
                CHECKLIST_HEADERS,
                checklist,
                gripp2.answers(form).stream().map(ReportViews::answer).toList());
    }

    /** What the GRIPP2 part says before its checklist. */
    private static String gripp2Introduction(Gripp2Form form) {
        return (form == Gripp2Form.LONG
                        ? "The GRIPP2 long form (Staniszewska et al., BMJ 2017;358:j3453), for reports whose main"
                                + " focus is involvement."
                        : "The GRIPP2 short form (Staniszewska et al., BMJ 2017;358:j3453), for reports where"
                                + " involvement is one focus among others.")
                + " Each item says where the report answers it and whether it does: from the record (figures and"
                + " lists from the events, linked to them in the appendix) or not yet (for the team to write).";
    }

    private static String anchor(String key) {
        return "gripp2-" + key;
    }

    private static Answer answer(Gripp2Item item) {
        ReportView.TeamText team = item.written() == null
                ? null
                : new ReportView.TeamText(
                        writtenBy(item.written()), paragraphs(item.written().text()));
        if (item.toBeWrittenByTeam()) {
            return new Answer(
                    anchor(item.key()), item.item(), team, item.written() == null ? item.text() : null, null, null);
        }
        return new Answer(
                anchor(item.key()),
                item.item(),
                team,
                null,
                item.text(),
                item.table() == null ? null : table(item.table()));
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

    /** The evidence behind the report: counted, listed, or null when left out. */
    private static ReportView.Appendix appendix(LifecycleReport report, ReportOptions options) {
        EvidenceAppendix appendix = options.appendix();
        if (appendix == EvidenceAppendix.NONE) {
            return null;
        }
        boolean full = appendix == EvidenceAppendix.FULL;
        List<Column> columns =
                new ArrayList<>(List.of(new Column("Part", Cells.TEXT), new Column("Events", Cells.FIGURES)));
        if (full) {
            columns.add(new Column("Event ids", Cells.IDS));
        }
        List<Row> rows = new ArrayList<>();
        for (EvidenceAppendix.Part part : appendix.parts(report, options.gripp2())) {
            List<String> cells =
                    new ArrayList<>(List.of(String.valueOf(part.eventIds().size())));
            if (full) {
                cells.add(String.join(" ", part.eventIds()));
            }
            rows.add(new Row(part.part(), cells));
        }
        return new ReportView.Appendix(
                appendix.introduction(),
                new Table("The events behind each part of the report", null, columns, rows),
                full
                        ? EvidenceAppendix.evidenceTables(report, options.gripp2()).stream()
                                .map(ReportViews::table)
                                .toList()
                        : List.of());
    }

    /** No column of figures. */
    private static final int NONE = Integer.MAX_VALUE;

    /** A table of words whose columns from {@code firstFigures} on hold figures. */
    private static Table table(
            String caption, String kind, List<String> headers, List<List<String>> rows, int firstFigures) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            columns.add(new Column(headers.get(i), i >= firstFigures ? Cells.FIGURES : Cells.TEXT));
        }
        return new Table(
                caption,
                kind,
                columns,
                rows.stream()
                        .map(r -> new Row(r.get(0), r.subList(1, r.size())))
                        .toList());
    }

    /** A GRIPP2 answer's table, whose columns of figures (every cell a number) are aligned as figures. */
    private static Table table(Gripp2Table table) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < table.headers().size(); i++) {
            int column = i;
            boolean figures = i > 0
                    && !table.rows().isEmpty()
                    && table.rows().stream()
                            .allMatch(row -> FIGURE.matcher(row.get(column)).matches());
            columns.add(new Column(table.headers().get(i), figures ? Cells.FIGURES : Cells.TEXT));
        }
        return new Table(
                table.caption(),
                null,
                columns,
                table.rows().stream()
                        .map(r -> new Row(r.get(0), r.subList(1, r.size())))
                        .toList());
    }

    /** A count or a figure with decimals. */
    private static final java.util.regex.Pattern FIGURE = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    /** The codebook the codes come from, in a line: "8 codes, 8 defined by the team, last changed 2022-10-10 10:00 UTC". */
    static String codebook(LifecycleReport.CodebookUsed codebook) {
        if (codebook == null || codebook.codes() == 0) {
            return "no code yet";
        }
        String codes = codebook.codes() + (codebook.codes() == 1 ? " code" : " codes");
        if (codebook.defined() == 0 || codebook.lastChangedAt() == null) {
            return codes + ", given in codings and not defined yet";
        }
        return codes + ", " + codebook.defined() + " defined by the team, last changed "
                + ReportWords.when(codebook.lastChangedAt());
    }

    /** The decisions made or revised in some phase of the report. */
    static Set<String> madeOrRevised(LifecycleReport report) {
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
    static List<ReportDecision> listed(PhaseSection phase, Set<String> madeOrRevised) {
        return phase.decisions().stream()
                .filter(d -> !proposedHereMadeLater(d, madeOrRevised))
                .toList();
    }

    private static boolean proposedHereMadeLater(ReportDecision decision, Set<String> madeOrRevised) {
        boolean onlyProposed =
                !decision.steps().contains("MADE") && !decision.steps().contains("REVISED");
        return onlyProposed && madeOrRevised.contains(decision.decisionId());
    }

    /** The sentence naming a phase's decisions proposed there and made later, or null if none. */
    static String proposedHereMadeLater(PhaseSection phase, Set<String> madeOrRevised) {
        List<String> titles = phase.decisions().stream()
                .filter(d -> proposedHereMadeLater(d, madeOrRevised))
                .map(d -> d.title() == null ? d.decisionId() : d.title())
                .toList();
        return titles.isEmpty()
                ? null
                : "Also proposed here and made in a later phase, where they are listed: " + String.join("; ", titles)
                        + ".";
    }

    /** The influencers by name, as a phase's table of decisions gives them (their kinds are in the JSON). */
    static String names(List<LifecycleReport.ReportInfluencer> influencers) {
        return influencers.stream()
                .map(i -> i.name() == null ? i.memberId() : i.name())
                .collect(Collectors.joining(", "));
    }

    /** A phase's reflections in one sentence: how many, and how many carry each code (by its codebook name). */
    static String themes(PhaseSection phase, LifecycleReport report) {
        if (phase.themes().isEmpty()) {
            return phase.reflections() + " reflections written; none coded.";
        }
        return phase.reflections() + " reflections written (codes counted, texts never shown). By code: "
                + phase.themes().entrySet().stream()
                        .map(e -> report.codeName(e.getKey()) + " " + e.getValue())
                        .collect(Collectors.joining(", "))
                + ".";
    }
}

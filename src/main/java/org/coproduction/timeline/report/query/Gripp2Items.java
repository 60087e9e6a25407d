package org.coproduction.timeline.report.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.coproduction.timeline.api.Gripp2Topic;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.fold.query.DecisionFacts;
import org.coproduction.timeline.fold.query.MemberChange;
import org.coproduction.timeline.fold.query.MemberState;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.coproduction.timeline.fold.query.TeamHistory;
import org.coproduction.timeline.influence.api.DecisionInfluencers;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Evidence;
import org.coproduction.timeline.influence.query.InfluenceAnswers;
import org.coproduction.timeline.participation.api.Involvement;
import org.coproduction.timeline.participation.api.Participation.PerspectiveFigures;
import org.coproduction.timeline.participation.api.Participation.Window;
import org.coproduction.timeline.replay.api.PhaseReplay;
import org.coproduction.timeline.report.api.LifecycleReport;
import org.coproduction.timeline.report.api.LifecycleReport.Gripp2;
import org.coproduction.timeline.report.api.LifecycleReport.Gripp2Item;
import org.coproduction.timeline.report.api.LifecycleReport.Gripp2Table;
import org.coproduction.timeline.report.api.LifecycleReport.TeamText;

/**
 * The GRIPP2 items of a report, filled from what the report already holds: the participation
 * windows, the replay's phases and the project's history (no event is read again). What the record
 * cannot say (the aim without a project description, the theory, costs, the critical discussion)
 * is marked {@link LifecycleReport#TO_BE_WRITTEN}. Reflections give their codes only.
 */
final class Gripp2Items {

    static final String BEFORE_FIRST_PHASE = "before-first-phase";

    private final String projectId;
    private final PointInTime at;
    private final Instant asOf;
    private final ProjectHistory history;
    private final List<Window> windows;
    private final List<PhaseReplay> replayed;
    private final List<DecisionFacts> decisions;
    private final TeamHistory team;
    private final Map<Gripp2Topic, ProjectHistory.Gripp2Written> teamWritten;
    private final Map<String, String> codeNames;

    /**
     * @param replayed the replay of each window, in window order (null where the replay has none)
     */
    private Gripp2Items(
            String projectId,
            PointInTime at,
            ProjectHistory history,
            List<Window> windows,
            List<PhaseReplay> replayed,
            Map<String, String> codeNames) {
        this.projectId = projectId;
        this.codeNames = codeNames;
        this.at = at;
        this.asOf = at.asOf();
        this.history = history;
        this.windows = windows;
        this.replayed = replayed;
        this.decisions = history.decisions(this.asOf);
        this.team = history.team(this.asOf);
        this.teamWritten = history.gripp2Written(this.asOf);
    }

    static Gripp2 of(
            String projectId,
            PointInTime at,
            ProjectHistory history,
            List<Window> windows,
            List<PhaseReplay> replayed,
            Map<String, String> codeNames) {
        return new Gripp2Items(projectId, at, history, windows, replayed, codeNames).build();
    }

    /**
     * An answer for every topic, in the topics' order (the aim and the team's background, the
     * methods and their parts, how impact was captured, results, outcomes, reflections,
     * conclusions): filled from the record where it can say, each with what the team wrote for it.
     */
    private Gripp2 build() {
        Map<Gripp2Topic, Gripp2Item> fromTheRecord = new EnumMap<>(Map.of(
                Gripp2Topic.AIM, aim(),
                Gripp2Topic.METHODS, methods(),
                Gripp2Topic.PEOPLE, peopleInvolved(),
                Gripp2Topic.STAGES, stages(),
                Gripp2Topic.LEVEL, levelOrNature(),
                Gripp2Topic.IMPACT, impactCaptured(),
                Gripp2Topic.RESULTS, results(),
                Gripp2Topic.OUTCOMES, outcomes(),
                Gripp2Topic.REFLECTIONS, reflections()));
        List<Gripp2Item> answers = new ArrayList<>();
        for (Gripp2Topic topic : Gripp2Topic.values()) {
            Gripp2Item answer = fromTheRecord.getOrDefault(topic, toBeWritten(topic));
            ProjectHistory.Gripp2Written written = teamWritten.get(topic);
            answers.add(written == null ? answer : answer.with(teamText(written)));
        }
        return new Gripp2(
                Gripp2Checklist.of(Gripp2Checklist.SHORT_FORM, answers),
                Gripp2Checklist.of(Gripp2Checklist.LONG_FORM, answers),
                answers);
    }

    /** An answer the record gives: the topic's text, the events behind it, and its table (or null). */
    private static Gripp2Item answer(Gripp2Topic topic, String text, List<String> ids, Gripp2Table table) {
        return new Gripp2Item(topic.key(), Gripp2Headings.of(topic), text, ids, false, table, null, null);
    }

    private static Gripp2Item toBeWritten(Gripp2Topic topic) {
        return Gripp2Item.toBeWritten(topic.key(), Gripp2Headings.of(topic));
    }

    /** " <what> is to be written by the team." while the team has written nothing for the topic by asOf. */
    private String stillToWrite(Gripp2Topic topic, String what) {
        return teamWritten.containsKey(topic) ? "" : " " + what + " is to be written by the team.";
    }

    /** What the team wrote, its authors named as they were when they wrote it. */
    private TeamText teamText(ProjectHistory.Gripp2Written written) {
        List<String> authors = written.authors().stream()
                .map(id ->
                        team.at(id, written.occurredAt()).map(MemberState::name).orElse(id))
                .toList();
        return new TeamText(written.text(), authors, written.occurredAt(), written.eventId());
    }

    private Gripp2Item aim() {
        String description = history.description();
        if (description == null || description.isBlank()) {
            return toBeWritten(Gripp2Topic.AIM);
        }
        List<String> ids = history.registrationEventId() == null ? List.of() : List.of(history.registrationEventId());
        return answer(Gripp2Topic.AIM, "As registered: " + description.strip(), ids, null);
    }

    private Gripp2Item methods() {
        int meetings = windows.stream().mapToInt(Window::meetings).sum();
        int contributions =
                windows.stream().mapToInt(Window::totalContributions).sum();
        long phases = windows.stream()
                .filter(w -> !BEFORE_FIRST_PHASE.equals(w.key()))
                .count();
        List<ProjectHistory.Reflection> reflections = history.reflections(asOf);
        long privately = reflections.stream()
                .filter(r -> r.visibility() == org.coproduction.timeline.api.Visibility.PRIVATE)
                .count();
        long proposed = decisions.stream().filter(d -> d.proposal() != null).count();
        String text = String.format(
                Locale.ROOT,
                "The team observed its own meetings and coded each turn with Bales' Interaction Process"
                        + " Analysis (12 categories): %d meetings and %d contributions over %d phases. Decisions"
                        + " were followed from proposal to outcome, with who influenced them, how, and on what"
                        + " evidence: %d influences on %d decisions proposed. Members kept reflective diaries"
                        + " (%d reflections, %d of them private; only their codes are counted here) and %d"
                        + " interviews were recorded. The record is read as of %s, as it stood at %s.",
                meetings,
                contributions,
                phases,
                influences(),
                proposed,
                reflections.size(),
                privately,
                history.interviews(asOf),
                ReportWords.when(asOf),
                ReportWords.when(at.knownAt()));
        int everything = history.exclusion().members().size();
        int words = history.withdrawals() - everything;
        if (words > 0) {
            text += String.format(
                    Locale.ROOT,
                    " %s withdrew consent for their words and name: what they did is still counted, under a"
                            + " pseudonym (\"Withdrawn member 1\"), and their names and words are in no part of"
                            + " this report.",
                    words == 1 ? "One member" : words + " members");
        }
        if (everything > 0) {
            text += String.format(
                    Locale.ROOT,
                    " %s withdrew consent for everything: they are left out of every figure and list in this"
                            + " report.",
                    everything == 1 ? "One member" : everything + " members");
        }
        return answer(Gripp2Topic.METHODS, text, List.of(), null);
    }

    private int influences() {
        return windows.stream()
                .flatMap(w -> w.perspectives().stream())
                .mapToInt(PerspectiveFigures::influences)
                .sum();
    }

    private Gripp2Item results() {
        Map<String, int[]> byPerspective = new TreeMap<>();
        Map<String, Integer> involvedPhases = new TreeMap<>();
        int contributions = 0;
        int influences = 0;
        for (Window window : windows) {
            for (PerspectiveFigures figures : window.perspectives()) {
                int[] counts = byPerspective.computeIfAbsent(figures.perspective(), p -> new int[2]);
                counts[0] += figures.contributions();
                counts[1] += figures.influences();
                contributions += figures.contributions();
                influences += figures.influences();
            }
            window.involvement().forEach((perspective, level) -> {
                byPerspective.computeIfAbsent(perspective, p -> new int[2]);
                if (level.compareTo(Involvement.COLLABORATED) >= 0) {
                    involvedPhases.merge(perspective, 1, Integer::sum);
                }
            });
        }
        if (contributions == 0 && influences == 0) {
            return toBeWritten(Gripp2Topic.RESULTS);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : byPerspective.entrySet()) {
            int[] counts = entry.getValue();
            String who = ReportWords.words(entry.getKey());
            rows.add(List.of(
                    who,
                    String.valueOf(counts[0]),
                    ReportWords.number(share(counts[0], contributions)),
                    String.valueOf(counts[1]),
                    ReportWords.number(share(counts[1], influences)),
                    String.valueOf(involvedPhases.getOrDefault(entry.getKey(), 0))));
            parts.add(String.format(
                    Locale.ROOT,
                    "%s %d contributions (%.2f) and %d influences (%.2f)",
                    who,
                    counts[0],
                    share(counts[0], contributions),
                    counts[1],
                    share(counts[1], influences)));
        }
        String text = String.format(
                        Locale.ROOT,
                        "Across the lifecycle, %d contributions and %d influences on decisions were counted. By"
                                + " primary perspective: ",
                        contributions,
                        influences)
                + String.join("; ", parts)
                + ". The phase-by-phase figures and their shifts are given above.";
        return answer(
                Gripp2Topic.RESULTS,
                text,
                List.of(),
                new Gripp2Table(
                        "Participation and influence by primary perspective across the lifecycle",
                        List.of(
                                "Perspective",
                                "Contributions",
                                "Share",
                                "Influences",
                                "Influence share",
                                "Phases collaborated or led"),
                        rows));
    }

    private Gripp2Item outcomes() {
        int made = windows.stream().mapToInt(w -> w.decisions().made()).sum();
        if (made == 0) {
            return toBeWritten(Gripp2Topic.OUTCOMES);
        }
        int withServiceUser = windows.stream()
                .mapToInt(w -> w.decisions().withServiceUserInfluence())
                .sum();
        long revised = decisions.stream().filter(d -> !d.revisions().isEmpty()).count();
        List<String> ids = decisions.stream()
                .filter(d -> d.made() != null)
                .map(d -> d.made().eventId())
                .toList();
        String text = String.format(
                Locale.ROOT,
                "%d decisions were made, %d of them (%.2f) with service-user influence; %d were revised later."
                        + " Each is listed with its influencers in its phase above, and with its outcome in the"
                        + " full evidence appendix.",
                made,
                withServiceUser,
                share(withServiceUser, made),
                revised);
        text += stillToWrite(Gripp2Topic.OUTCOMES, "What involvement changed beyond these decisions");
        return new Gripp2Item(
                Gripp2Topic.OUTCOMES.key(),
                Gripp2Headings.of(Gripp2Topic.OUTCOMES),
                text,
                ids,
                false,
                null,
                outcomesLinkedToDecisions(),
                null);
    }

    private Gripp2Item reflections() {
        List<ProjectHistory.Reflection> reflections = history.reflections(asOf);
        if (reflections.isEmpty()) {
            return toBeWritten(Gripp2Topic.REFLECTIONS);
        }
        Map<String, Integer> themes = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        long privately = 0;
        for (ProjectHistory.Reflection reflection : reflections) {
            Set<String> codes = new TreeSet<>(history.codes(reflection.reflectionId(), asOf));
            codes.forEach(code -> themes.merge(code, 1, Integer::sum));
            if (!codes.isEmpty() && reflection.eventId() != null) {
                ids.add(reflection.eventId());
            }
            if (reflection.visibility() == org.coproduction.timeline.api.Visibility.PRIVATE) {
                privately++;
            }
        }
        String coded = themes.isEmpty()
                ? "none is coded yet"
                : "their themes, by the number of reflections carrying each code: "
                        + themes.entrySet().stream()
                                .map(e -> codeNames.getOrDefault(e.getKey(), e.getKey()) + " " + e.getValue())
                                .collect(Collectors.joining(", "));
        String text = String.format(
                Locale.ROOT,
                "%d reflections were written (%d private); %s. Their texts are not part of the report.",
                reflections.size(),
                privately,
                coded);
        text += stillToWrite(Gripp2Topic.REFLECTIONS, "What went well, what did not, and what the team learned");
        return answer(Gripp2Topic.REFLECTIONS, text, ids, null);
    }

    /** Everyone who joined by asOf, with the role and perspectives they held then (or when they left). */
    private Gripp2Item peopleInvolved() {
        Set<String> memberIds = new LinkedHashSet<>();
        for (MemberChange change : team.changesBetween(null, asOf.plusNanos(1))) {
            if (change.kind() == MemberChange.Kind.JOINED) {
                memberIds.add(change.memberId());
            }
        }
        if (memberIds.isEmpty()) {
            return toBeWritten(Gripp2Topic.PEOPLE);
        }
        Map<String, Map<String, Integer>> byRole = new TreeMap<>();
        Set<String> perspectives = new TreeSet<>();
        int active = 0;
        for (String memberId : memberIds) {
            MemberState state = team.at(memberId, asOf).orElseThrow();
            String perspective =
                    state.primaryPerspective() == null ? TeamHistory.UNKNOWN_PERSPECTIVE : state.primaryPerspective();
            perspectives.add(perspective);
            byRole.computeIfAbsent(String.valueOf(state.role()), r -> new TreeMap<>())
                    .merge(perspective, 1, Integer::sum);
            active += state.active() ? 1 : 0;
        }
        List<String> headers = new ArrayList<>(List.of("Role", "Members"));
        perspectives.forEach(p -> headers.add(ReportWords.words(p)));
        List<List<String>> rows = new ArrayList<>();
        byRole.forEach((role, counts) -> {
            List<String> row = new ArrayList<>(List.of(
                    ReportWords.words(role),
                    String.valueOf(
                            counts.values().stream().mapToInt(Integer::intValue).sum())));
            perspectives.forEach(p -> row.add(String.valueOf(counts.getOrDefault(p, 0))));
            rows.add(row);
        });
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            PhaseReplay phase = replayed.get(i);
            if (phase != null) {
                changes.add(String.format(
                        Locale.ROOT,
                        "%s: %d joined, %d left, %d changed role or perspective",
                        windows.get(i).name(),
                        phase.joined().size(),
                        phase.left().size(),
                        phase.changed().size()));
            }
        }
        String text = String.format(
                        Locale.ROOT,
                        "%d members took part by %s, %d of them still on the team then; their roles and primary"
                                + " perspectives (as they stood then, or when they left) are counted below.",
                        memberIds.size(),
                        ReportWords.when(asOf),
                        active)
                + (changes.isEmpty() ? "" : " Over time: " + String.join("; ", changes) + ".")
                + stillToWrite(Gripp2Topic.PEOPLE, "How members were recruited, trained and supported");
        return answer(
                Gripp2Topic.PEOPLE,
                text,
                List.of(),
                new Gripp2Table("Members who took part, by role and primary perspective", headers, rows));
    }

    private Gripp2Item stages() {
        if (windows.isEmpty()) {
            return toBeWritten(Gripp2Topic.STAGES);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Window window : windows) {
            String involved = window.involvement().entrySet().stream()
                    .filter(e -> e.getValue() != Involvement.NONE)
                    .map(e -> ReportWords.words(e.getKey()) + ": "
                            + ReportWords.words(e.getValue()).toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            rows.add(List.of(
                    window.name(),
                    ReportWords.when(window.start(), "from the start"),
                    ReportWords.until(
                            window.end(),
                            history.closedAt() == null || history.closedAt().isAfter(asOf) ? null : history.closedAt()),
                    String.valueOf(window.meetings()),
                    String.valueOf(window.decisions().made()),
                    involved.isEmpty() ? "none" : involved));
        }
        String text = String.format(
                Locale.ROOT,
                "The team was involved across %d stages of the study, the project's own phases; for each, the"
                        + " perspectives present and their highest level of involvement (consulted, collaborated,"
                        + " led; defined under Methods).",
                windows.size());
        return answer(
                Gripp2Topic.STAGES,
                text,
                List.of(),
                new Gripp2Table(
                        "Stages of involvement: phases, their dates and the perspectives involved",
                        List.of("Phase", "Start", "End", "Meetings", "Decisions made", "Involvement by perspective"),
                        rows));
    }

    /** Counted influences (the proposer's included) by kind and by the phase they occurred in. */
    private Gripp2Item levelOrNature() {
        List<Map<InfluenceKind, Integer>> byPhase = new ArrayList<>();
        windows.forEach(w -> byPhase.add(new EnumMap<>(InfluenceKind.class)));
        Set<InfluenceKind> kinds = new TreeSet<>();
        for (DecisionFacts facts : decisions) {
            for (InfluenceAnswers.Counted counted : InfluenceAnswers.counted(facts)) {
                for (int i = 0; i < windows.size(); i++) {
                    if (within(counted.occurredAt(), windows.get(i))) {
                        byPhase.get(i).merge(counted.kind(), 1, Integer::sum);
                        kinds.add(counted.kind());
                        break;
                    }
                }
            }
        }
        if (kinds.isEmpty()) {
            return toBeWritten(Gripp2Topic.LEVEL);
        }
        List<String> headers = new ArrayList<>(List.of("Phase"));
        kinds.forEach(k -> headers.add(ReportWords.words(k)));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            List<String> row = new ArrayList<>(List.of(windows.get(i).name()));
            for (InfluenceKind kind : kinds) {
                row.add(String.valueOf(byPhase.get(i).getOrDefault(kind, 0)));
            }
            rows.add(row);
        }
        Map<Involvement, Integer> cells = new EnumMap<>(Involvement.class);
        windows.forEach(w -> w.involvement().values().forEach(level -> cells.merge(level, 1, Integer::sum)));
        String text = String.format(
                Locale.ROOT,
                "The level of involvement per phase and perspective is the involvement matrix above (%d cells"
                        + " led, %d collaborated, %d consulted). Its nature shows in the kinds of influence on"
                        + " decisions, counted by the phase they occurred in below (a proposal counts as"
                        + " \"Proposed\" for its proposer).",
                cells.getOrDefault(Involvement.LED, 0),
                cells.getOrDefault(Involvement.COLLABORATED, 0),
                cells.getOrDefault(Involvement.CONSULTED, 0));
        return answer(
                Gripp2Topic.LEVEL,
                text,
                List.of(),
                new Gripp2Table("Influences on decisions by kind and phase", headers, rows));
    }

    /** The recorded influences (retracted ones gone) by kind, with the evidence they cite. */
    private Gripp2Item impactCaptured() {
        Map<InfluenceKind, int[]> byKind = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        int onDecisions = 0;
        for (DecisionFacts facts : decisions) {
            onDecisions += facts.influences().isEmpty() ? 0 : 1;
            for (DecisionFacts.Influence influence : facts.influences()) {
                int[] counts = byKind.computeIfAbsent(influence.kind(), k -> new int[3]);
                counts[0]++;
                counts[1] += influence.contributionId() == null ? 0 : 1;
                counts[2] += influence.reflectionId() == null ? 0 : 1;
                if (influence.eventId() != null) {
                    ids.add(influence.eventId());
                }
            }
        }
        if (byKind.isEmpty()) {
            return toBeWritten(Gripp2Topic.IMPACT);
        }
        List<List<String>> rows = new ArrayList<>();
        int[] total = new int[3];
        byKind.forEach((kind, counts) -> {
            rows.add(List.of(
                    ReportWords.words(kind),
                    String.valueOf(counts[0]),
                    String.valueOf(counts[1]),
                    String.valueOf(counts[2])));
            for (int i = 0; i < 3; i++) {
                total[i] += counts[i];
            }
        });
        String text = String.format(
                Locale.ROOT,
                "Impact on decisions was captured as it happened: %d influences recorded on %d decisions, each"
                        + " with its member and kind; %d cite a contribution in a meeting and %d a reflection as"
                        + " evidence (a cited reflection is counted, never quoted). Their events are in the"
                        + " appendix.",
                total[0],
                onDecisions,
                total[1],
                total[2]);
        return answer(
                Gripp2Topic.IMPACT,
                text,
                ids,
                new Gripp2Table(
                        "Recorded influences by kind and the evidence they cite",
                        List.of("Kind", "Influences", "Citing a contribution", "Citing a reflection"),
                        rows));
    }

    /** Each decision made, its outcome in force, method, influencers and events: the full appendix's table. */
    private Gripp2Table outcomesLinkedToDecisions() {
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> eventIds = new ArrayList<>();
        for (DecisionFacts facts : decisions) {
            if (facts.made() == null) {
                continue;
            }
            DecisionInfluencers answer = InfluenceAnswers.influencers(projectId, at, facts, team);
            Set<String> events = new LinkedHashSet<>();
            events.add(facts.made().eventId());
            facts.revisions().forEach(r -> events.add(r.eventId()));
            answer.influencers().forEach(i -> i.evidence().stream()
                    .map(Evidence::eventId)
                    .filter(id -> id != null)
                    .forEach(events::add));
            events.remove(null);
            rows.add(List.of(
                    answer.title() == null ? facts.decisionId() : answer.title(),
                    ReportWords.when(facts.made().occurredAt(), ""),
                    ReportWords.words(facts.made().method()),
                    String.valueOf(InfluenceAnswers.outcome(facts)),
                    ReportWords.influencers(answer.influencers().stream()
                            .map(i -> new LifecycleReport.ReportInfluencer(
                                    i.memberId(), i.name(), i.perspectives(), i.kinds(), List.of()))
                            .toList())));
            eventIds.add(List.copyOf(events));
        }
        return rows.isEmpty()
                ? null
                : new Gripp2Table(
                        "Decisions made, their outcomes and influencers",
                        List.of("Decision", "Made", "Method", "Outcome", "Influencers"),
                        rows,
                        eventIds);
    }

    private static boolean within(Instant t, Window window) {
        return (window.start() == null || !t.isBefore(window.start()))
                && (window.end() == null || t.isBefore(window.end()));
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}

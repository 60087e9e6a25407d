package org.coproduction.timeline.report.api;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.influence.api.DecisionStatus;
import org.coproduction.timeline.participation.api.Involvement;
import org.coproduction.timeline.participation.api.Participation;

/**
 * A project's lifecycle report, its sections in the order of issue 4: the overview, the phases
 * one by one, the series across the lifecycle, the GRIPP2 items, and the methods appendix. The participation
 * figures are the participation answer's own objects for the same (asOf, knownAt); nothing here
 * holds the text of a reflection.
 */
public record LifecycleReport(
        Overview overview,
        List<PhaseSection> phases,
        Lifecycle lifecycle,
        Gripp2 gripp2,
        List<Definition> methods,
        Map<String, String> codeNames) {

    public LifecycleReport {
        phases = List.copyOf(phases);
        methods = List.copyOf(methods);
        codeNames = Collections.unmodifiableSortedMap(new TreeMap<>(codeNames));
    }

    /** A qualitative code as the team's codebook names it as of asOf (docs/codebook.md), else the code. */
    public String codeName(String code) {
        return codeNames.getOrDefault(code, code);
    }

    /**
     * @param registeredAt when the project was registered (valid time)
     * @param closedAt when it was closed, null while open as of asOf
     * @param teamSize the team at the end of each phase (or as of asOf for the running one)
     */
    public record Overview(
            String projectId,
            String title,
            Instant registeredAt,
            Instant closedAt,
            List<PhaseDates> phases,
            List<TeamSize> teamSize,
            Provenance record) {

        public Overview {
            phases = List.copyOf(phases);
            teamSize = List.copyOf(teamSize);
        }
    }

    /** A phase's period: start inclusive, end exclusive; null where open, as in the participation answer. */
    public record PhaseDates(String key, String name, Instant start, Instant end) {}

    /** Team members at a phase's end, in total and by primary perspective (the first they held). */
    public record TeamSize(String key, int members, Map<String, Integer> byPerspective) {

        public TeamSize {
            byPerspective = Collections.unmodifiableSortedMap(new TreeMap<>(byPerspective));
        }
    }

    /**
     * What the report was built from: the events recorded by knownAt, the earliest and latest of
     * their recorded times, the time pair used, the event schema versions the record follows, and the
     * codebook its codes come from.
     */
    public record Provenance(
            long events,
            Instant firstRecordedAt,
            Instant lastRecordedAt,
            Instant asOf,
            Instant knownAt,
            List<String> schemaVersions,
            CodebookUsed codebook) {

        public Provenance {
            schemaVersions = List.copyOf(schemaVersions);
        }
    }

    /**
     * The codebook the report's codes are counted and named by: as it stood at asOf (docs/codebook.md),
     * its codes in use (neither merged nor retired), how many of them the team defined, and when it
     * last changed (null if it never has: codes given in codings only).
     */
    public record CodebookUsed(int codes, int defined, Instant lastChangedAt) {}

    /**
     * One phase (or the before-first-phase bucket). {@code participation} is the phase's window of
     * the participation answer, unchanged: meetings, contributions, the table by perspective, Gini,
     * entropy, IPA areas, involvement, decisions by method and the shift from the phase before.
     *
     * @param decisions decisions proposed, made or revised in the phase, with their influencers
     * @param reflections reflections written in the phase (private ones included in the count)
     * @param themes how many of those reflections carry each code; codes only, never text
     * @param notableShifts one sentence per shift at or past {@link #NOTABLE_SHIFT}
     */
    public record PhaseSection(
            Participation.Window participation,
            List<ReportDecision> decisions,
            int reflections,
            Map<String, Integer> themes,
            List<String> notableShifts) {

        public PhaseSection {
            decisions = List.copyOf(decisions);
            themes = Collections.unmodifiableSortedMap(new TreeMap<>(themes));
            notableShifts = List.copyOf(notableShifts);
        }
    }

    /** The smallest change (in absolute value, on a 0..1 scale) that a notable-shift sentence reports. */
    public static final double NOTABLE_SHIFT = 0.05;

    /**
     * A decision as the phase saw it: the steps taken in the phase (PROPOSED, MADE, REVISED), its
     * status and method at the phase's end, its influencers, and the ids of the events behind them.
     */
    public record ReportDecision(
            String decisionId,
            String title,
            List<String> steps,
            DecisionStatus status,
            String outcome,
            DecisionMethod method,
            List<ReportInfluencer> influencers,
            List<String> eventIds) {

        public ReportDecision {
            steps = List.copyOf(steps);
            influencers = List.copyOf(influencers);
            eventIds = List.copyOf(eventIds);
        }
    }

    /** A member who influenced a decision, the kinds of their influence, and the events that record it. */
    public record ReportInfluencer(
            String memberId, String name, List<String> perspectives, List<InfluenceKind> kinds, List<String> eventIds) {

        public ReportInfluencer {
            perspectives = perspectives == null ? List.of() : List.copyOf(perspectives);
            kinds = List.copyOf(kinds);
            eventIds = List.copyOf(eventIds);
        }
    }

    /**
     * The series the charts across the lifecycle draw, one value per phase in {@code phases} order;
     * a perspective absent from a phase reads 0 there ({@code NONE} in the involvement matrix).
     */
    public record Lifecycle(
            List<String> phases,
            List<String> perspectives,
            Map<String, List<Double>> contributionShare,
            Map<String, List<Double>> influenceShare,
            List<Double> gini,
            List<Double> perspectiveEntropy,
            Map<DecisionMethod, List<Integer>> decisionMethods,
            Map<String, List<Involvement>> involvement) {

        public Lifecycle {
            phases = List.copyOf(phases);
            perspectives = List.copyOf(perspectives);
            contributionShare = Collections.unmodifiableSortedMap(new TreeMap<>(contributionShare));
            influenceShare = Collections.unmodifiableSortedMap(new TreeMap<>(influenceShare));
            gini = List.copyOf(gini);
            perspectiveEntropy = List.copyOf(perspectiveEntropy);
            EnumMap<DecisionMethod, List<Integer>> methods = new EnumMap<>(DecisionMethod.class);
            methods.putAll(decisionMethods);
            decisionMethods = Collections.unmodifiableMap(methods);
            involvement = Collections.unmodifiableSortedMap(new TreeMap<>(involvement));
        }
    }

    /** What an item reads when the record cannot say it. */
    public static final String TO_BE_WRITTEN = "To be written by the team";

    /**
     * GRIPP2 (Staniszewska et al., BMJ 2017;358:j3453): the checklist of each form, item by item, and
     * the answers the checklists point at. An answer is filled from the record and linked to the
     * events behind it, or marked {@link #TO_BE_WRITTEN} where the record cannot say.
     *
     * @param shortForm the short form's five items
     * @param longForm the long form's items (sections 1 to 6 item by item; 7 to 9 by section)
     * @param answers every answer, in the order a report prints them; a form prints those its items name
     */
    public record Gripp2(List<ChecklistItem> shortForm, List<ChecklistItem> longForm, List<Gripp2Item> answers) {

        public Gripp2 {
            shortForm = List.copyOf(shortForm);
            longForm = List.copyOf(longForm);
            answers = List.copyOf(answers);
        }

        /** The checklist of a form. */
        public List<ChecklistItem> checklist(Gripp2Form form) {
            return form == Gripp2Form.LONG ? longForm : shortForm;
        }

        /** The heading of the answer with this key. */
        public String heading(String key) {
            return answers.stream()
                    .filter(answer -> answer.key().equals(key))
                    .map(Gripp2Item::item)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no GRIPP2 answer " + key));
        }

        /** The answers a form's checklist names, in the report's order. */
        public List<Gripp2Item> answers(Gripp2Form form) {
            java.util.Set<String> named = new java.util.HashSet<>();
            checklist(form).forEach(item -> named.addAll(item.answeredIn()));
            return answers.stream().filter(a -> named.contains(a.key())).toList();
        }
    }

    /**
     * One item of a GRIPP2 checklist: its number ("1", "4b"), topic and what it asks, the keys of the
     * answers that answer it, and whether they do.
     */
    public record ChecklistItem(
            String number, String topic, String wording, List<String> answeredIn, Gripp2Status status) {

        public ChecklistItem {
            answeredIn = List.copyOf(answeredIn);
        }
    }

    /**
     * One answer: its key (the topic several checklist items may share: {@code aim} answers the short
     * form's 1 and the long form's 1a and 3), its heading, what the record shows ({@link
     * #TO_BE_WRITTEN} when it cannot say), the ids of the events behind it, a table when the answer is
     * a breakdown (null if not), a table of evidence printed only in the full appendix (null if none),
     * and what the team wrote for it (null if nothing yet).
     */
    public record Gripp2Item(
            String key,
            String item,
            String text,
            List<String> eventIds,
            boolean toBeWrittenByTeam,
            Gripp2Table table,
            Gripp2Table evidence,
            TeamText written) {

        public Gripp2Item {
            eventIds = List.copyOf(eventIds);
        }

        public static Gripp2Item toBeWritten(String key, String item) {
            return new Gripp2Item(key, item, TO_BE_WRITTEN, List.of(), true, null, null, null);
        }

        /** This answer with what the team wrote for it, whose event joins the answer's evidence. */
        public Gripp2Item with(TeamText team) {
            List<String> ids = new java.util.ArrayList<>(eventIds);
            if (team.eventId() != null) {
                ids.add(team.eventId());
            }
            return new Gripp2Item(key, item, text, ids, toBeWrittenByTeam, table, evidence, team);
        }
    }

    /**
     * The team's own answer (a Gripp2ItemWritten): its text, its authors by name (a withdrawn member
     * by pseudonym), from when it reads so, and its event.
     */
    public record TeamText(String text, List<String> authors, Instant writtenAt, String eventId) {

        public TeamText {
            authors = List.copyOf(authors);
        }
    }

    /**
     * A small table: a caption, column headers, rows whose first cell names the row, and, for a table
     * of evidence, the ids of the events behind each row (empty when the table has none).
     */
    public record Gripp2Table(
            String caption, List<String> headers, List<List<String>> rows, List<List<String>> eventIds) {

        public Gripp2Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            eventIds = eventIds == null
                    ? List.of()
                    : eventIds.stream().map(List::copyOf).toList();
            if (!eventIds.isEmpty() && eventIds.size() != rows.size()) {
                throw new IllegalArgumentException("the event ids of " + eventIds.size() + " rows for " + rows.size());
            }
        }

        /** A table with no events behind its rows. */
        public Gripp2Table(String caption, List<String> headers, List<List<String>> rows) {
            this(caption, headers, rows, List.of());
        }
    }

    /** One entry of the methods appendix: a measure or a rule of time, and its definition. */
    public record Definition(String term, String definition) {}
}

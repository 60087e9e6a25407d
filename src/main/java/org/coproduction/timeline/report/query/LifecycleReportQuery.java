package org.coproduction.timeline.report.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.codebook.query.CodebookQuery;
import org.coproduction.timeline.codebook.query.CodebookView;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.coproduction.timeline.fold.query.ProjectHistoryReader;
import org.coproduction.timeline.fold.query.TeamHistory;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Evidence;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Influencer;
import org.coproduction.timeline.participation.api.Involvement;
import org.coproduction.timeline.participation.api.Participation;
import org.coproduction.timeline.participation.api.Participation.PerspectiveFigures;
import org.coproduction.timeline.participation.api.Participation.PerspectiveShift;
import org.coproduction.timeline.participation.api.Participation.Window;
import org.coproduction.timeline.participation.api.WindowKind;
import org.coproduction.timeline.participation.query.ParticipationQuery;
import org.coproduction.timeline.replay.api.PhaseReplay;
import org.coproduction.timeline.replay.api.PhaseReplay.PhaseDecision;
import org.coproduction.timeline.replay.api.ProjectReplay;
import org.coproduction.timeline.replay.query.ReplayQuery;
import org.coproduction.timeline.report.api.LifecycleReport;
import org.coproduction.timeline.report.api.LifecycleReport.Lifecycle;
import org.coproduction.timeline.report.api.LifecycleReport.Overview;
import org.coproduction.timeline.report.api.LifecycleReport.PhaseDates;
import org.coproduction.timeline.report.api.LifecycleReport.PhaseSection;
import org.coproduction.timeline.report.api.LifecycleReport.Provenance;
import org.coproduction.timeline.report.api.LifecycleReport.ReportDecision;
import org.coproduction.timeline.report.api.LifecycleReport.ReportInfluencer;
import org.coproduction.timeline.report.api.LifecycleReport.TeamSize;
import org.springframework.stereotype.Component;

/**
 * Builds a project's lifecycle report for (asOf, knownAt) out of the answers that already exist:
 * the participation answer by phase (its windows are taken as they are, so the report's figures
 * are the API's), the replay stopped at asOf (team and decisions per phase) and the project's
 * history (record provenance, reflection codes). The report adds only what those answers do not
 * say: theme counts, the notable-shift sentences and the GRIPP2 items ({@link Gripp2Items}).
 *
 * <p>Each of the three folds the project's events from the store; one shared fold would do, at the
 * cost of opening up the participation and replay queries. Left for the speed work of issue 4.
 */
@Component
public class LifecycleReportQuery {

    /** The event schema versions the record follows; the importer upcasts older ones on the way in. */
    static final List<String> SCHEMA_VERSIONS = List.of("v1");

    private final ParticipationQuery participation;
    private final ReplayQuery replays;
    private final ProjectHistoryReader reader;

    LifecycleReportQuery(ParticipationQuery participation, ReplayQuery replays, ProjectHistoryReader reader) {
        this.participation = participation;
        this.replays = replays;
        this.reader = reader;
    }

    /** The steps of {@link #report(String, PointInTime, Consumer)}, in the order they end. */
    public static final List<String> STEPS = List.of("fold", "participation", "replay", "assemble");

    /** 404 for a project never registered. */
    public LifecycleReport report(String projectId, PointInTime at) {
        return report(projectId, at, step -> {});
    }

    /** The report, telling {@code progress} the name of each of the {@link #STEPS} as it ends. */
    public LifecycleReport report(String projectId, PointInTime at, Consumer<String> progress) {
        Instant asOf = at.asOf();
        ProjectHistory history = reader.read(projectId, at.knownAt());
        progress.accept(STEPS.get(0));
        // One fold of the project's events serves the participation figures and the replay.
        Participation figures = participation.participation(history, projectId, WindowKind.PHASE, at);
        progress.accept(STEPS.get(1));
        ProjectReplay replay = replays.replay(history, projectId, asOf.toString());
        progress.accept(STEPS.get(2));
        Map<String, PhaseReplay> replayed = new HashMap<>();
        replay.phases().forEach(phase -> replayed.put(phase.phaseId(), phase));

        List<PhaseDates> dates = new ArrayList<>();
        List<TeamSize> teamSizes = new ArrayList<>();
        List<PhaseSection> sections = new ArrayList<>();
        List<PhaseReplay> phases = new ArrayList<>();
        Window previous = null;
        for (Window window : figures.windows()) {
            dates.add(new PhaseDates(window.key(), window.name(), window.start(), window.end()));
            PhaseReplay phase = replayed.get(window.key());
            phases.add(phase);
            teamSizes.add(teamSize(window.key(), phase));
            List<ProjectHistory.Reflection> written = history.reflections(asOf).stream()
                    .filter(r -> within(r.occurredAt(), window))
                    .toList();
            sections.add(new PhaseSection(
                    window,
                    phase == null ? List.of() : decisions(phase),
                    written.size(),
                    themes(history, written, asOf),
                    notableShifts(window, previous)));
            previous = window;
        }
        Map<String, String> codeNames = new TreeMap<>();
        CodebookView codebook = CodebookQuery.of(projectId, history, asOf);
        codebook.codes().forEach(code -> codeNames.put(code.code(), code.name()));
        Instant closedAt = history.closedAt() != null && !history.closedAt().isAfter(asOf) ? history.closedAt() : null;
        Overview overview = new Overview(
                projectId,
                history.title(),
                history.registeredAt(),
                closedAt,
                dates,
                teamSizes,
                new Provenance(
                        history.events(),
                        history.firstRecordedAt(),
                        history.lastRecordedAt(),
                        at.asOf(),
                        at.knownAt(),
                        SCHEMA_VERSIONS,
                        codebookUsed(codebook)));
        LifecycleReport report = new LifecycleReport(
                overview,
                sections,
                lifecycle(figures.windows()),
                Gripp2Items.of(projectId, at, history, figures.windows(), phases, codeNames),
                ReportMethods.DEFINITIONS,
                codeNames);
        progress.accept(STEPS.get(3));
        return report;
    }

    private static LifecycleReport.CodebookUsed codebookUsed(CodebookView codebook) {
        List<CodebookView.Code> open = codebook.codes().stream()
                .filter(c -> c.status() == CodebookView.Status.DEFINED || c.status() == CodebookView.Status.FROM_USE)
                .toList();
        Instant last = codebook.codes().stream()
                .map(CodebookView.Code::changedAt)
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
        return new LifecycleReport.CodebookUsed(
                open.size(),
                (int) open.stream()
                        .filter(c -> c.status() == CodebookView.Status.DEFINED)
                        .count(),
                last);
    }

    private static boolean within(Instant t, Window window) {
        return (window.start() == null || !t.isBefore(window.start()))
                && (window.end() == null || t.isBefore(window.end()));
    }

    private static TeamSize teamSize(String key, PhaseReplay phase) {
        if (phase == null) {
            return new TeamSize(key, 0, Map.of());
        }
        Map<String, Integer> byPerspective = new HashMap<>();
        for (PhaseReplay.TeamMember member : phase.team()) {
            String primary = member.perspectives().isEmpty()
                    ? TeamHistory.UNKNOWN_PERSPECTIVE
                    : member.perspectives().get(0);
            byPerspective.merge(primary, 1, Integer::sum);
        }
        return new TeamSize(key, phase.team().size(), byPerspective);
    }

    private static List<ReportDecision> decisions(PhaseReplay phase) {
        List<ReportDecision> decisions = new ArrayList<>();
        for (PhaseDecision decision : phase.decisions()) {
            Set<String> eventIds = new LinkedHashSet<>();
            List<ReportInfluencer> influencers = new ArrayList<>();
            for (Influencer influencer : decision.influencers()) {
                List<String> ids = influencer.evidence().stream()
                        .map(Evidence::eventId)
                        .filter(id -> id != null)
                        .distinct()
                        .toList();
                eventIds.addAll(ids);
                influencers.add(new ReportInfluencer(
                        influencer.memberId(), influencer.name(), influencer.perspectives(), influencer.kinds(), ids));
            }
            decisions.add(new ReportDecision(
                    decision.decisionId(),
                    decision.title(),
                    decision.steps(),
                    decision.status(),
                    decision.outcome(),
                    decision.method(),
                    influencers,
                    List.copyOf(eventIds)));
        }
        return decisions;
    }

    /** Reflections carrying each code; a code given twice to one reflection counts once. */
    private static Map<String, Integer> themes(
            ProjectHistory history, List<ProjectHistory.Reflection> written, Instant asOf) {
        Map<String, Integer> themes = new TreeMap<>();
        for (ProjectHistory.Reflection reflection : written) {
            for (String code : new TreeSet<>(history.codes(reflection.reflectionId(), asOf))) {
                themes.merge(code, 1, Integer::sum);
            }
        }
        return themes;
    }

    /**
     * A sentence for each change of at least {@link LifecycleReport#NOTABLE_SHIFT}, read off the
     * window's shift: the value before is this window's value minus the shift.
     */
    static List<String> notableShifts(Window window, Window previous) {
        List<String> sentences = new ArrayList<>();
        if (window.shift() == null) {
            return sentences;
        }
        String since = previous == null ? "" : " since " + previous.name();
        Map<String, PerspectiveFigures> now = new HashMap<>();
        window.perspectives().forEach(p -> now.put(p.perspective(), p));
        for (Map.Entry<String, PerspectiveShift> entry :
                window.shift().perspectives().entrySet()) {
            PerspectiveFigures figures = now.get(entry.getKey());
            String who = ReportWords.words(entry.getKey());
            double share = figures == null ? 0 : figures.share();
            double influence = figures == null ? 0 : figures.influenceShare();
            sentence(
                    sentences,
                    who + " share of contributions",
                    share,
                    entry.getValue().share(),
                    since);
            sentence(
                    sentences,
                    who + " share of influences",
                    influence,
                    entry.getValue().influenceShare(),
                    since);
        }
        sentence(
                sentences,
                "Gini of contributions",
                window.gini(),
                window.shift().gini(),
                since);
        sentence(
                sentences,
                "Perspective entropy",
                window.perspectiveEntropy(),
                window.shift().perspectiveEntropy(),
                since);
        return sentences;
    }

    private static void sentence(List<String> sentences, String what, double now, double change, String since) {
        // A tolerance keeps a change of exactly 0.05 notable despite floating-point subtraction.
        if (Math.abs(change) < LifecycleReport.NOTABLE_SHIFT - 1e-9) {
            return;
        }
        double before = Math.max(0, now - change);
        sentences.add(String.format(
                Locale.ROOT, "%s %s from %.2f to %.2f%s.", what, change > 0 ? "rose" : "fell", before, now, since));
    }

    private static Lifecycle lifecycle(List<Window> windows) {
        Set<String> perspectives = new TreeSet<>();
        for (Window window : windows) {
            window.perspectives().forEach(p -> perspectives.add(p.perspective()));
            perspectives.addAll(window.involvement().keySet());
        }
        Map<String, List<Double>> contributionShare = new TreeMap<>();
        Map<String, List<Double>> influenceShare = new TreeMap<>();
        Map<String, List<Involvement>> involvement = new TreeMap<>();
        for (String perspective : perspectives) {
            List<Double> shares = new ArrayList<>();
            List<Double> influences = new ArrayList<>();
            List<Involvement> levels = new ArrayList<>();
            for (Window window : windows) {
                PerspectiveFigures figures = window.perspectives().stream()
                        .filter(p -> p.perspective().equals(perspective))
                        .findFirst()
                        .orElse(null);
                shares.add(figures == null ? 0.0 : figures.share());
                influences.add(figures == null ? 0.0 : figures.influenceShare());
                levels.add(window.involvement().getOrDefault(perspective, Involvement.NONE));
            }
            contributionShare.put(perspective, shares);
            influenceShare.put(perspective, influences);
            involvement.put(perspective, levels);
        }
        Map<DecisionMethod, List<Integer>> methods = new EnumMap<>(DecisionMethod.class);
        for (DecisionMethod method : DecisionMethod.values()) {
            List<Integer> counts = windows.stream()
                    .map(w -> w.decisions().byMethod().getOrDefault(method, 0))
                    .toList();
            if (counts.stream().anyMatch(n -> n > 0)) {
                methods.put(method, counts);
            }
        }
        return new Lifecycle(
                windows.stream().map(Window::key).toList(),
                List.copyOf(perspectives),
                contributionShare,
                influenceShare,
                windows.stream().map(Window::gini).toList(),
                windows.stream().map(Window::perspectiveEntropy).toList(),
                methods,
                involvement);
    }
}

package org.coproduction.timeline.participation.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.fold.query.DecisionFacts;
import org.coproduction.timeline.fold.query.MemberChange;
import org.coproduction.timeline.fold.query.MemberState;
import org.coproduction.timeline.fold.query.PhaseCalendar;
import org.coproduction.timeline.fold.query.PhaseCalendar.Span;
import org.coproduction.timeline.fold.query.TeamHistory;
import org.coproduction.timeline.influence.query.InfluenceAnswers;
import org.coproduction.timeline.influence.query.InfluenceAnswers.Counted;
import org.coproduction.timeline.participation.api.Involvement;
import org.coproduction.timeline.participation.api.MemberTrajectory;
import org.coproduction.timeline.participation.api.Participation;
import org.coproduction.timeline.participation.api.Participation.Decisions;
import org.coproduction.timeline.participation.api.Participation.MemberFigures;
import org.coproduction.timeline.participation.api.Participation.PerspectiveFigures;
import org.coproduction.timeline.participation.api.Participation.PerspectiveShift;
import org.coproduction.timeline.participation.api.Participation.Shift;
import org.coproduction.timeline.participation.api.Participation.Window;
import org.coproduction.timeline.participation.api.WindowKind;
import org.coproduction.timeline.platform.Utc;

/**
 * Works out participation window by window at a point in time, exactly as docs/metrics.md defines
 * it, from the facts of either source ({@link ParticipationFacts}). The facts that count are taken
 * once (attendances, contributions, counted influences, decisions made), each with the instant that
 * places it in a window and the primary perspective of its member at the time; every window then
 * adds up its own.
 *
 *
 * <p>A contribution belongs to the window of its meeting ("contributions in meetings of the
 * window"), so that contributions and attendance compare the same meetings; one whose meeting is
 * not visible falls back to its own occurredAt. An influence belongs to the window of its
 * occurredAt, a decision to the window it was made in.
 */
public final class ParticipationFold {

    /** The perspective whose influence on decisions is reported on its own (docs/metrics.md). */
    public static final String SERVICE_USER = "SERVICE_USER";

    private static final String PROJECT_KEY = "project";
    private static final String PROJECT_NAME = "Whole project";

    private static final String UNKNOWN = TeamHistory.UNKNOWN_PERSPECTIVE;

    private record Attendance(String memberId, String perspective, Instant at) {}

    private record Spoken(
            String memberId, String perspective, List<String> holders, IpaCategory category, Instant at, int n) {}

    private record Influenced(String memberId, String perspective, Instant at) {}

    private record Made(
            Instant at,
            DecisionMethod method,
            boolean serviceUserInfluence,
            Set<String> influencingPerspectives,
            String ledBy) {}

    private record Label(String key, String name) {}

    private final PointInTime at;
    private final TeamHistory team;
    private final TeamHistory everyone;
    private final PhaseCalendar calendar;
    private final List<Instant> meetings = new ArrayList<>();
    private final List<Attendance> attendances = new ArrayList<>();
    private final List<Spoken> spoken = new ArrayList<>();
    private final List<Influenced> influences = new ArrayList<>();
    private final List<Made> made = new ArrayList<>();
    private final Set<String> primaryPerspectivesEver = new TreeSet<>();

    /** Takes every fact the source hands over, as of its point in time. */
    public ParticipationFold(ParticipationFacts facts) {
        this.at = facts.at();
        this.team = facts.team();
        this.everyone = facts.everyone();
        this.calendar = facts.phases();
        for (MemberChange change : team.changesBetween(null, null)) {
            if (change.perspectives() != null && !change.perspectives().isEmpty()) {
                primaryPerspectivesEver.add(change.perspectives().get(0));
            }
        }
        facts.countInto(new Intake());
    }

    /** Each fact as the source hands it, with the perspectives its member held at the time. */
    private final class Intake implements ParticipationFacts.Count {
        private String lastSpeaker;
        private Instant lastSpokenAt;
        private String lastPrimary;
        private List<String> lastHolders;

        @Override
        public void meeting(Instant at, Collection<String> attendees) {
            meetings.add(at);
            for (String memberId : new TreeSet<>(attendees)) {
                attendances.add(new Attendance(memberId, team.primaryPerspectiveAt(memberId, at), at));
            }
        }

        @Override
        public void spoke(String memberId, IpaCategory category, Instant occurredAt, Instant windowAt, int n) {
            // The tables hand a meeting's counts category by category: the member is looked up once.
            if (!memberId.equals(lastSpeaker) || !occurredAt.equals(lastSpokenAt)) {
                Optional<MemberState> then = team.at(memberId, occurredAt);
                lastSpeaker = memberId;
                lastSpokenAt = occurredAt;
                lastPrimary = then.map(ParticipationFold::primary).orElse(UNKNOWN);
                // Each perspective held counts a contribution once, however often it is listed.
                lastHolders = List.copyOf(new TreeSet<>(then.map(MemberState::perspectives)
                        .filter(p -> !p.isEmpty())
                        .orElse(List.of(UNKNOWN))));
            }
            spoken.add(new Spoken(memberId, lastPrimary, lastHolders, category, windowAt, n));
        }

        @Override
        public void decision(DecisionFacts facts) {
            boolean serviceUser = false;
            Set<String> influencing = new HashSet<>();
            for (Counted counted : InfluenceAnswers.counted(facts)) {
                String perspective = team.primaryPerspectiveAt(counted.memberId(), counted.occurredAt());
                influences.add(new Influenced(counted.memberId(), perspective, counted.occurredAt()));
                influencing.add(perspective);
                serviceUser |= SERVICE_USER.equals(perspective);
            }
            DecisionFacts.Made decision = facts.made();
            if (decision != null) {
                made.add(new Made(
                        decision.occurredAt(),
                        decision.method(),
                        serviceUser,
                        influencing,
                        ledBy(decision.decidedBy(), decision.occurredAt())));
            }
        }
    }

    /** Participation in every window of the kind, in time order, each with its shift from the one before. */
    public Participation participation(String projectId, WindowKind by) {
        List<Window> windows = new ArrayList<>();
        Window previous = null;
        for (Tally tally : tallies(by)) {
            Window window = tally.window(previous);
            windows.add(window);
            previous = window;
        }
        return new Participation(projectId, at.asOf(), at.knownAt(), windows);
    }

    /** One member phase by phase; 404 for a member the record (as known at knownAt) never had. */
    public MemberTrajectory trajectory(String projectId, String memberId) {
        Optional<MemberState> ever = everyone.at(memberId, Instant.MAX);
        if (ever.isEmpty()) {
            throw RuleViolationException.notFound(
                    "memberId", "member " + memberId + " was never on project " + projectId);
        }
        List<MemberTrajectory.PhaseFigures> phases = new ArrayList<>();
        for (Tally tally : tallies(WindowKind.PHASE)) {
            Window window = tally.window(null);
            MemberFigures figures = window.members().stream()
                    .filter(m -> m.memberId().equals(memberId))
                    .findFirst()
                    .orElse(null);
            Optional<MemberState> state = onTeamDuring(memberId, window.start(), window.end())
                    ? stateAtEnd(memberId, window.end())
                    : Optional.empty();
            phases.add(new MemberTrajectory.PhaseFigures(
                    window.key(),
                    window.name(),
                    window.start(),
                    window.end(),
                    state.isPresent(),
                    state.map(MemberState::role).orElse(null),
                    state.map(MemberState::perspectives).orElse(List.of()),
                    figures == null ? 0 : figures.contributions(),
                    figures == null ? 0.0 : figures.share(),
                    figures == null ? 0.0 : figures.attendanceShare(),
                    figures == null ? null : figures.voiceRatio(),
                    figures == null ? Measures.areaShares(Map.of()) : figures.areas(),
                    figures == null ? 0 : figures.influences(),
                    figures == null ? 0.0 : figures.influenceShare()));
        }
        return new MemberTrajectory(projectId, memberId, ever.get().name(), at.asOf(), at.knownAt(), phases);
    }

    // ---- windows

    private List<Tally> tallies(WindowKind by) {
        return switch (by) {
            case PHASE -> byPhase();
            case MONTH -> byCalendar(t -> YearMonth.from(Utc.of(t)), m -> m.plusMonths(1), ParticipationFold::month);
            case QUARTER -> byCalendar(
                    ParticipationFold::quarterStart, m -> m.plusMonths(3), ParticipationFold::quarter);
            case PROJECT -> {
                Tally whole = new Tally(PROJECT_KEY, PROJECT_NAME, null, null);
                addAll(List.of(whole), t -> whole);
                yield List.of(whole);
            }
        };
    }

    /**
     * The phases started by asOf, preceded by the before-first-phase bucket when something counted
     * happened before the first phase (or when no phase has started: then it is the whole history).
     */
    private List<Tally> byPhase() {
        Map<String, Tally> byKey = new LinkedHashMap<>();
        Span before = calendar.beforeFirstPhase();
        byKey.put(before.phaseId(), new Tally(before.phaseId(), before.name(), before.start(), before.end()));
        for (Span span : calendar.spans()) {
            byKey.put(span.phaseId(), new Tally(span.phaseId(), span.name(), span.start(), span.end()));
        }
        addAll(byKey.values(), t -> byKey.get(calendar.at(t).phaseId()));
        List<Tally> tallies = new ArrayList<>(byKey.values());
        if (!calendar.spans().isEmpty() && !tallies.get(0).counted) {
            tallies.remove(0);
        }
        return tallies;
    }

    /**
     * How long a span months and quarters are made for (200 years): a question's work is bounded by
     * this, not by dates a record happens to hold.
     */
    static final long MAX_CALENDAR_MONTHS = 200 * 12;

    /** Every calendar month or quarter from the first fact counted to the last, the quiet ones included. */
    private List<Tally> byCalendar(
            Function<Instant, YearMonth> periodOf, UnaryOperator<YearMonth> next, Function<YearMonth, Label> label) {
        FirstAndLast counted = new FirstAndLast();
        meetings.forEach(counted::add);
        spoken.forEach(s -> counted.add(s.at()));
        influences.forEach(i -> counted.add(i.at()));
        made.forEach(m -> counted.add(m.at()));
        if (counted.first == null) {
            return List.of();
        }
        YearMonth end = periodOf.apply(counted.last);
        long months = ChronoUnit.MONTHS.between(periodOf.apply(counted.first), end);
        if (months >= MAX_CALENDAR_MONTHS) {
            throw new InvalidFieldException(
                    "by",
                    "the counted facts span " + (months / 12) + " years, more than month or quarter windows are"
                            + " made for (" + (MAX_CALENDAR_MONTHS / 12) + " years): ask by phase or project");
        }
        List<Tally> periods = new ArrayList<>();
        for (YearMonth period = periodOf.apply(counted.first); !period.isAfter(end); period = next.apply(period)) {
            Label named = label.apply(period);
            periods.add(new Tally(named.key(), named.name(), startOf(period), startOf(next.apply(period))));
        }
        addAll(periods, new PeriodOf(periods));
        return List.copyOf(periods);
    }

    private static final class FirstAndLast {
        Instant first;
        Instant last;

        void add(Instant t) {
            first = first == null || t.isBefore(first) ? t : first;
            last = last == null || t.isAfter(last) ? t : last;
        }
    }

    /**
     * The period (of consecutive ones, the first starting by the instant) an instant falls in, found
     * by its start: the facts come mostly in time order, so the period found last is tried first.
     * Periods start at midnight UTC, whole seconds, so comparing epoch seconds is exact. Taking each
     * fact's month through {@code YearMonth} was a fifth of the question by month.
     */
    private static final class PeriodOf implements Function<Instant, Tally> {
        private final List<Tally> periods;
        private final long[] starts;
        private int last;

        PeriodOf(List<Tally> periods) {
            this.periods = periods;
            this.starts = new long[periods.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = periods.get(i).start.getEpochSecond();
            }
        }

        @Override
        public Tally apply(Instant t) {
            long second = t.getEpochSecond();
            if (second < starts[last] || (last + 1 < starts.length && second >= starts[last + 1])) {
                int found = Arrays.binarySearch(starts, second);
                last = found >= 0 ? found : -found - 2;
            }
            return periods.get(last);
        }
    }

    private void addAll(Collection<Tally> tallies, Function<Instant, Tally> windowOf) {
        meetings.forEach(t -> windowOf.apply(t).meeting());
        attendances.forEach(a -> windowOf.apply(a.at()).attended(a));
        spoken.forEach(s -> windowOf.apply(s.at()).spoke(s));
        influences.forEach(i -> windowOf.apply(i.at()).influenced(i));
        made.forEach(m -> windowOf.apply(m.at()).made(m));
        tallies.forEach(t -> t.involvementKeys.addAll(primaryPerspectivesEver));
    }

    private static YearMonth quarterStart(Instant t) {
        YearMonth month = YearMonth.from(Utc.of(t));
        return YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1);
    }

    private static Label month(YearMonth month) {
        return new Label(
                month.toString(),
                month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear());
    }

    private static Label quarter(YearMonth start) {
        int q = (start.getMonthValue() - 1) / 3 + 1;
        return new Label(start.getYear() + "-Q" + q, "Q" + q + " " + start.getYear());
    }

    private static Instant startOf(YearMonth month) {
        return LocalDate.of(month.getYear(), month.getMonth(), 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    // ---- members and perspectives at a time

    private static String primary(MemberState state) {
        String primary = state.primaryPerspective();
        return primary == null ? UNKNOWN : primary;
    }

    /**
     * The one primary perspective every decider held at the time, or null when they differ, none is
     * named or one is unknown.
     */
    private String ledBy(List<String> decidedBy, Instant at) {
        Set<String> perspectives = new HashSet<>();
        decidedBy.forEach(memberId -> perspectives.add(team.primaryPerspectiveAt(memberId, at)));
        // Nobody leads under a perspective the record does not know.
        return perspectives.size() == 1 && !perspectives.contains(UNKNOWN)
                ? perspectives.iterator().next()
                : null;
    }

    /** The member at the end of a window ({@code end} exclusive; null: as of asOf), or when they left. */
    private Optional<MemberState> stateAtEnd(String memberId, Instant end) {
        return end == null ? team.at(memberId, at.asOf()) : team.before(memberId, end);
    }

    private boolean onTeamDuring(String memberId, Instant start, Instant end) {
        if (start != null && team.at(memberId, start).map(MemberState::active).orElse(false)) {
            return true;
        }
        return team.changesBetween(start, end).stream()
                .anyMatch(c -> c.memberId().equals(memberId) && c.kind() == MemberChange.Kind.JOINED);
    }

    // ---- adding up one window

    private static final class Counts {
        int attended;
        int contributions;
        int holderContributions;
        int influences;
        /** Contributions by {@link IpaCategory} ordinal. */
        final int[] categories = new int[ParticipationProjection.CATEGORIES];

        void spoke(IpaCategory category, int n) {
            contributions += n;
            categories[category.ordinal()] += n;
        }
    }

    private final class Tally {
        final String key;
        final String name;
        final Instant start;
        final Instant end;
        boolean counted;
        int meetings;
        int attendances;
        int contributions;
        int influences;
        // Hash maps while adding up (a lookup per fact), sorted once for the window.
        final Map<String, Counts> members = new HashMap<>();
        final Map<String, Counts> perspectives = new HashMap<>();
        final Set<String> attendeePerspectives = new HashSet<>();
        final Set<String> involvementKeys = new TreeSet<>();
        int decisionsMade;
        int withServiceUserInfluence;
        final Map<DecisionMethod, Integer> byMethod = new EnumMap<>(DecisionMethod.class);
        final Set<String> perspectivesInfluencingMade = new HashSet<>();
        final Set<String> perspectivesLeadingMade = new HashSet<>();

        Tally(String key, String name, Instant start, Instant end) {
            this.key = key;
            this.name = name;
            this.start = start;
            this.end = end;
            for (DecisionMethod method : DecisionMethod.values()) {
                byMethod.put(method, 0);
            }
        }

        void meeting() {
            counted = true;
            meetings++;
        }

        void attended(Attendance a) {
            attendances++;
            members.computeIfAbsent(a.memberId(), id -> new Counts()).attended++;
            perspectives.computeIfAbsent(a.perspective(), p -> new Counts()).attended++;
            attendeePerspectives.add(a.perspective());
            involvementKeys.add(a.perspective());
        }

        void spoke(Spoken s) {
            counted = true;
            contributions += s.n();
            members.computeIfAbsent(s.memberId(), id -> new Counts()).spoke(s.category(), s.n());
            perspectives.computeIfAbsent(s.perspective(), p -> new Counts()).spoke(s.category(), s.n());
            for (String holder : s.holders()) {
                perspectives.computeIfAbsent(holder, p -> new Counts()).holderContributions += s.n();
            }
            involvementKeys.add(s.perspective());
        }

        void influenced(Influenced i) {
            counted = true;
            influences++;
            members.computeIfAbsent(i.memberId(), id -> new Counts()).influences++;
            perspectives.computeIfAbsent(i.perspective(), p -> new Counts()).influences++;
            involvementKeys.add(i.perspective());
        }

        void made(Made m) {
            counted = true;
            decisionsMade++;
            byMethod.merge(m.method(), 1, Integer::sum);
            withServiceUserInfluence += m.serviceUserInfluence() ? 1 : 0;
            perspectivesInfluencingMade.addAll(m.influencingPerspectives());
            if (m.ledBy() != null) {
                perspectivesLeadingMade.add(m.ledBy());
                involvementKeys.add(m.ledBy());
            }
        }

        Window window(Window previous) {
            List<Integer> attendeeCounts = new ArrayList<>();
            List<MemberFigures> memberFigures = new ArrayList<>();
            new TreeMap<>(members).forEach((memberId, c) -> {
                if (c.attended > 0) {
                    attendeeCounts.add(c.contributions);
                }
                Optional<MemberState> state = stateAtEnd(memberId, end);
                double share = Measures.share(c.contributions, contributions);
                double attendanceShare = Measures.share(c.attended, attendances);
                memberFigures.add(new MemberFigures(
                        memberId,
                        state.map(MemberState::name).orElse(null),
                        state.map(ParticipationFold::primary).orElse(UNKNOWN),
                        c.contributions,
                        share,
                        attendanceShare,
                        Measures.voiceRatio(share, attendanceShare),
                        Measures.ipaShares(c.categories),
                        Measures.areaShares(c.categories),
                        c.influences,
                        Measures.share(c.influences, influences)));
            });
            List<PerspectiveFigures> perspectiveFigures = new ArrayList<>();
            List<Integer> perspectiveCounts = new ArrayList<>();
            Set<String> speaking = new HashSet<>(attendeePerspectives);
            new TreeMap<>(perspectives).forEach((perspective, c) -> {
                perspectiveCounts.add(c.contributions);
                if (c.contributions > 0) {
                    speaking.add(perspective);
                }
                double share = Measures.share(c.contributions, contributions);
                double attendanceShare = Measures.share(c.attended, attendances);
                perspectiveFigures.add(new PerspectiveFigures(
                        perspective,
                        c.contributions,
                        share,
                        Measures.share(c.holderContributions, contributions),
                        attendanceShare,
                        Measures.voiceRatio(share, attendanceShare),
                        Measures.ipaShares(c.categories),
                        Measures.areaShares(c.categories),
                        c.influences,
                        Measures.share(c.influences, influences)));
            });
            double gini = Measures.gini(attendeeCounts);
            double entropy = Measures.normalisedEntropy(perspectiveCounts, speaking.size());
            Map<String, Involvement> involvement = new TreeMap<>();
            for (String perspective : involvementKeys) {
                involvement.put(
                        perspective,
                        Measures.involvement(
                                attendeePerspectives.contains(perspective),
                                perspectivesInfluencingMade.contains(perspective),
                                perspectivesLeadingMade.contains(perspective)));
            }
            return new Window(
                    key,
                    name,
                    start,
                    end,
                    contributions,
                    meetings,
                    gini,
                    entropy,
                    memberFigures,
                    perspectiveFigures,
                    new Decisions(
                            decisionsMade,
                            byMethod,
                            withServiceUserInfluence,
                            Measures.share(withServiceUserInfluence, decisionsMade)),
                    involvement,
                    previous == null ? null : shift(gini, entropy, perspectiveFigures, previous));
        }
    }

    private static Shift shift(double gini, double entropy, List<PerspectiveFigures> now, Window previous) {
        Map<String, double[]> before = new HashMap<>();
        previous.perspectives().forEach(p -> before.put(p.perspective(), new double[] {p.share(), p.influenceShare()}));
        Map<String, PerspectiveShift> perspectives = new TreeMap<>();
        for (PerspectiveFigures p : now) {
            double[] was = before.getOrDefault(p.perspective(), new double[2]);
            perspectives.put(p.perspective(), new PerspectiveShift(p.share() - was[0], p.influenceShare() - was[1]));
        }
        before.forEach(
                (perspective, was) -> perspectives.putIfAbsent(perspective, new PerspectiveShift(-was[0], -was[1])));
        return new Shift(gini - previous.gini(), entropy - previous.perspectiveEntropy(), perspectives);
    }
}

package org.coproduction.timeline.replay.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.Require;
import org.coproduction.timeline.fold.query.DecisionFacts;
import org.coproduction.timeline.fold.query.MemberChange;
import org.coproduction.timeline.fold.query.PhaseCalendar;
import org.coproduction.timeline.fold.query.PhaseCalendar.Span;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.coproduction.timeline.fold.query.ProjectHistoryReader;
import org.coproduction.timeline.fold.query.TeamHistory;
import org.coproduction.timeline.influence.api.DecisionInfluencers;
import org.coproduction.timeline.influence.query.InfluenceAnswers;
import org.coproduction.timeline.replay.api.PhaseReplay;
import org.coproduction.timeline.replay.api.PhaseReplay.Activity;
import org.coproduction.timeline.replay.api.PhaseReplay.PhaseDecision;
import org.coproduction.timeline.replay.api.PhaseReplay.Shift;
import org.coproduction.timeline.replay.api.PhaseReplay.TeamMember;
import org.coproduction.timeline.replay.api.ProjectReplay;
import org.springframework.stereotype.Component;

/**
 * Replays a project phase by phase as the record stood at knownAt. The project's events are folded
 * once, in recorded order; each phase is then worked out from the fold, in valid-time order, so a
 * late-recorded event lands in the phase it happened in.
 */
@Component
public class ReplayQuery {

    private final ProjectHistoryReader reader;

    ReplayQuery(ProjectHistoryReader reader) {
        this.reader = reader;
    }

    /** The whole replay at once. */
    public ProjectReplay replay(String projectId, Instant knownAt, String until) {
        return replay(reader.read(projectId, knownAt), projectId, until);
    }

    /** The same replay from a history already folded (as known at its knownAt). */
    public ProjectReplay replay(ProjectHistory history, String projectId, String until) {
        Instant knownAt = history.knownAt();
        Replay replay = open(history, until);
        List<PhaseReplay> phases = new ArrayList<>();
        replay.forEachPhase(phases::add);
        return new ProjectReplay(projectId, replay.title(), knownAt, until, replay.closedAt(), replay.events(), phases);
    }

    /**
     * Folds the project's events and settles where the replay stops, so that an unknown project or
     * a bad {@code until} is refused before anything is sent; the phases are worked out as they are
     * taken.
     */
    public Replay open(String projectId, Instant knownAt, String until) {
        return open(reader.read(projectId, knownAt), until);
    }

    private Replay open(ProjectHistory history, String until) {
        PhaseCalendar known = history.phases(Instant.MAX);
        if (until == null || until.isBlank()) {
            return new Replay(history, known.spans(), Instant.MAX, known);
        }
        if (known.find(until).isPresent() && !PhaseCalendar.BEFORE_FIRST_PHASE.equals(until)) {
            List<Span> upTo = new ArrayList<>();
            for (Span span : known.spans()) {
                upTo.add(span);
                if (span.phaseId().equals(until)) {
                    break;
                }
            }
            Span last = upTo.get(upTo.size() - 1);
            Instant asOf = last.end() == null ? Instant.MAX : last.end().minusNanos(1);
            return new Replay(history, upTo, asOf, known);
        }
        Instant asOf;
        try {
            asOf = Require.requestedTime("until", until);
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException("until", "is neither a phaseId of this project nor a date or instant");
        }
        PhaseCalendar started = history.phases(asOf);
        List<Span> upTo = new ArrayList<>();
        for (Span span : started.spans()) {
            // The last phase shown ends where the replay stops: at until, inclusive.
            upTo.add(
                    span.end() == null || span.end().isAfter(asOf)
                            ? new Span(span.phaseId(), span.name(), span.start(), asOf.plusNanos(1))
                            : span);
        }
        return new Replay(history, upTo, asOf, started);
    }

    /** An opened replay: the fold done, the phases still to work out. */
    public static final class Replay {

        private final ProjectHistory history;
        private final List<Span> spans;
        private final Instant asOf;
        private final PhaseCalendar calendar;
        private final TeamHistory team;

        private Replay(ProjectHistory history, List<Span> spans, Instant asOf, PhaseCalendar calendar) {
            this.history = history;
            this.spans = spans;
            this.asOf = asOf;
            this.calendar = calendar;
            this.team = history.team(asOf);
        }

        public String title() {
            return history.title();
        }

        public long events() {
            return history.events();
        }

        /** The project's closure, when it was closed by where the replay stops. */
        public Instant closedAt() {
            Instant closedAt = history.closedAt();
            return closedAt == null || closedAt.isAfter(asOf) ? null : closedAt;
        }

        /** Works out each phase in order, handing it over before the next is started. */
        public void forEachPhase(Consumer<PhaseReplay> consumer) {
            List<ProjectHistory.Meeting> meetings = inValidTimeOrder(history.meetings(asOf));
            List<Spoken> contributions = inMeetingOrder(history.contributions(asOf), meetings);
            List<DecisionFacts> decisions = history.decisions(asOf);
            List<Span> periods = new ArrayList<>();
            Span before = calendar.beforeFirstPhase();
            if (before.end() == null) {
                periods.add(new Span(before.phaseId(), before.name(), null, end(null)));
            } else if (somethingHappenedBefore(before.end(), meetings, decisions)) {
                periods.add(before);
            }
            periods.addAll(spans);
            PhaseReplay previous = null;
            for (Span period : periods) {
                PhaseReplay phase = phase(period, contributions, meetings, decisions, previous);
                consumer.accept(phase);
                previous = phase;
            }
        }

        private Instant end(Instant end) {
            return end != null ? end : asOf.equals(Instant.MAX) ? null : asOf.plusNanos(1);
        }

        /** Team changes, meetings or proposals before the first phase make a before-first-phase bucket. */
        private boolean somethingHappenedBefore(
                Instant firstStart, List<ProjectHistory.Meeting> meetings, List<DecisionFacts> decisions) {
            return !team.changesBetween(null, firstStart).isEmpty()
                    || (!meetings.isEmpty() && meetings.get(0).occurredAt().isBefore(firstStart))
                    || decisions.stream()
                            .anyMatch(d -> d.proposal() != null
                                    && d.proposal().occurredAt().isBefore(firstStart));
        }

        private PhaseReplay phase(
                Span period,
                List<Spoken> contributions,
                List<ProjectHistory.Meeting> meetings,
                List<DecisionFacts> decisions,
                PhaseReplay previous) {
            Instant end = period.end();
            List<TeamMember> members = (end == null ? team.team(Instant.MAX, true) : team.team(end, false))
                    .stream()
                            .map(m -> new TeamMember(m.memberId(), m.name(), m.role(), m.perspectives()))
                            .toList();
            Set<String> joined = new LinkedHashSet<>();
            Set<String> left = new LinkedHashSet<>();
            Set<String> changed = new LinkedHashSet<>();
            for (MemberChange change : team.changesBetween(period.start(), end)) {
                switch (change.kind()) {
                    case JOINED -> joined.add(change.memberId());
                    case LEFT -> left.add(change.memberId());
                    case CHANGED -> changed.add(change.memberId());
                }
            }
            List<ProjectHistory.Meeting> held = within(meetings, period);
            Map<String, Integer> meetingsByPerspective = new HashMap<>();
            for (ProjectHistory.Meeting meeting : held) {
                Set<String> present = new HashSet<>();
                for (String attendee : meeting.attendees()) {
                    present.add(team.primaryPerspectiveAt(attendee, meeting.occurredAt()));
                }
                present.forEach(perspective -> meetingsByPerspective.merge(perspective, 1, Integer::sum));
            }
            int meetingCount = held.size();
            Map<String, Integer> byPerspective = new HashMap<>();
            List<Spoken> spoken = within(contributions, period);
            int contributionCount = spoken.size();
            for (Spoken s : spoken) {
                ProjectHistory.Contribution c = s.contribution();
                byPerspective.merge(team.primaryPerspectiveAt(c.memberId(), c.occurredAt()), 1, Integer::sum);
            }
            Map<String, Double> shares = shares(byPerspective, contributionCount);
            List<PhaseDecision> phaseDecisions = new ArrayList<>();
            int made = 0;
            // The influencers answer's own asOf and knownAt are not read here: a running phase has no end.
            PointInTime phaseEnd = new PointInTime(end == null ? Instant.MAX : end, history.knownAt());
            for (DecisionFacts all : decisions) {
                List<String> steps = steps(all, period);
                if (steps.isEmpty()) {
                    continue;
                }
                made += steps.contains("MADE") ? 1 : 0;
                DecisionFacts atEnd = end == null ? all : history.decision(all.decisionId(), end.minusNanos(1));
                DecisionInfluencers influencers = InfluenceAnswers.influencers(null, phaseEnd, atEnd, team);
                phaseDecisions.add(new PhaseDecision(
                        all.decisionId(),
                        influencers.title(),
                        steps,
                        influencers.status(),
                        influencers.outcome(),
                        influencers.method(),
                        influencers.decidedBy(),
                        influencers.influencers()));
            }
            Shift shift = previous == null
                    ? null
                    : new Shift(
                            previous.phaseId(),
                            members.size() - previous.team().size(),
                            meetingCount - previous.activity().meetings(),
                            contributionCount - previous.activity().contributions(),
                            made - madeIn(previous),
                            shareShift(shares, previous.activity().contributionShareByPerspective()));
            // A phase cut short by until is shown ending at until itself, which it includes.
            boolean cut = end != null && !asOf.equals(Instant.MAX) && end.equals(asOf.plusNanos(1));
            return new PhaseReplay(
                    period.phaseId(),
                    period.name(),
                    period.start(),
                    cut ? asOf : end,
                    members,
                    List.copyOf(joined),
                    List.copyOf(left),
                    List.copyOf(changed),
                    new Activity(meetingCount, meetingsByPerspective, contributionCount, byPerspective, shares),
                    phaseDecisions,
                    shift);
        }

        /**
         * A contribution placed at its meeting's time: it counts in the window of its meeting, as
         * docs/metrics.md counts contributions ("in meetings of the window"), so replay and participation
         * agree at phase boundaries.
         */
        private record Spoken(ProjectHistory.Contribution contribution, Instant occurredAt, long order)
                implements DecisionFacts.Fact {}

        private static List<Spoken> inMeetingOrder(
                List<ProjectHistory.Contribution> contributions, List<ProjectHistory.Meeting> meetings) {
            Map<String, Instant> held = new HashMap<>();
            meetings.forEach(m -> held.put(m.meetingId(), m.occurredAt()));
            return inValidTimeOrder(contributions.stream()
                    .map(c -> new Spoken(c, held.getOrDefault(c.meetingId(), c.occurredAt()), c.order()))
                    .toList());
        }

        private static <T extends DecisionFacts.Fact> List<T> inValidTimeOrder(List<T> facts) {
            List<T> sorted = new ArrayList<>(facts);
            sorted.sort(DecisionFacts.IN_ORDER);
            return sorted;
        }

        /** The facts of a list in valid-time order that fall in the period: two binary searches. */
        private static <T extends DecisionFacts.Fact> List<T> within(List<T> sorted, Span period) {
            int from = period.start() == null ? 0 : firstAtOrAfter(sorted, period.start());
            int to = period.end() == null ? sorted.size() : firstAtOrAfter(sorted, period.end());
            return sorted.subList(from, Math.max(from, to));
        }

        private static int firstAtOrAfter(List<? extends DecisionFacts.Fact> sorted, Instant t) {
            int low = 0;
            int high = sorted.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (sorted.get(middle).occurredAt().isBefore(t)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        private static List<String> steps(DecisionFacts facts, Span period) {
            List<String> steps = new ArrayList<>(3);
            if (facts.proposal() != null && period.contains(facts.proposal().occurredAt())) {
                steps.add("PROPOSED");
            }
            if (facts.made() != null && period.contains(facts.made().occurredAt())) {
                steps.add("MADE");
            }
            if (facts.made() != null && facts.revisions().stream().anyMatch(r -> period.contains(r.occurredAt()))) {
                steps.add("REVISED");
            }
            return steps;
        }

        private static int madeIn(PhaseReplay phase) {
            return (int) phase.decisions().stream()
                    .filter(d -> d.steps().contains("MADE"))
                    .count();
        }

        private static Map<String, Double> shares(Map<String, Integer> counts, int total) {
            Map<String, Double> shares = new HashMap<>();
            counts.forEach((key, n) -> shares.put(key, total == 0 ? 0.0 : (double) n / total));
            return shares;
        }

        private static Map<String, Double> shareShift(Map<String, Double> now, Map<String, Double> before) {
            Map<String, Double> shift = new HashMap<>();
            now.forEach((key, share) -> shift.put(key, share - before.getOrDefault(key, 0.0)));
            before.forEach((key, share) -> shift.putIfAbsent(key, -share));
            return shift;
        }
    }
}

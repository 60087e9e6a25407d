package org.coproduction.timeline.influence.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.fold.query.DecisionFacts;
import org.coproduction.timeline.fold.query.DecisionFacts.Fact;
import org.coproduction.timeline.fold.query.DecisionFacts.Influence;
import org.coproduction.timeline.fold.query.DecisionFacts.Proposal;
import org.coproduction.timeline.fold.query.MemberState;
import org.coproduction.timeline.fold.query.PhaseCalendar;
import org.coproduction.timeline.fold.query.TeamHistory;
import org.coproduction.timeline.influence.api.DecisionInfluencers;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Discussant;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Evidence;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Influencer;
import org.coproduction.timeline.influence.api.DecisionOverview;
import org.coproduction.timeline.influence.api.DecisionStatus;
import org.coproduction.timeline.influence.api.InfluenceSummary;
import org.coproduction.timeline.influence.api.InfluenceSummary.MemberInfluence;
import org.coproduction.timeline.influence.api.InfluenceSummary.PerspectiveInfluence;

/**
 * The counting rules of influence, applied to the facts visible at an (asOf, knownAt). The read
 * model and the replay select those facts in their own ways and answer through these rules, so
 * "who influenced" means the same everywhere.
 */
public final class InfluenceAnswers {

    private InfluenceAnswers() {}

    /** One influence as docs/metrics.md counts them. */
    public record Counted(String decisionId, String memberId, InfluenceKind kind, Instant occurredAt, long order)
            implements Fact {}

    public static DecisionStatus status(DecisionFacts facts) {
        if (facts.proposal() == null) {
            return DecisionStatus.NOT_YET_PROPOSED;
        }
        if (facts.made() == null) {
            return DecisionStatus.PROPOSED;
        }
        return facts.revisions().isEmpty() ? DecisionStatus.MADE : DecisionStatus.REVISED;
    }

    /** The outcome in force: the latest revision's, else the decision's; null before it is made. */
    public static String outcome(DecisionFacts facts) {
        if (facts.made() == null) {
            return null;
        }
        List<DecisionFacts.Revision> revisions = facts.revisions();
        return revisions.isEmpty()
                ? facts.made().outcome()
                : revisions.get(revisions.size() - 1).outcome();
    }

    /**
     * The recorded influences, plus one of kind PROPOSED for the proposer unless they recorded an
     * explicit PROPOSED influence themselves, or are left out of the record ({@link
     * org.coproduction.timeline.fold.query.Exclusion}: the proposal then names nobody).
     */
    public static List<Counted> counted(DecisionFacts facts) {
        String decisionId = facts.decisionId();
        List<Counted> counted = new ArrayList<>(facts.influences().size() + 1);
        Proposal proposal = facts.proposal();
        boolean explicitProposal = false;
        for (Influence influence : facts.influences()) {
            counted.add(new Counted(
                    decisionId, influence.memberId(), influence.kind(), influence.occurredAt(), influence.order()));
            explicitProposal |= proposal != null
                    && influence.kind() == InfluenceKind.PROPOSED
                    && influence.memberId().equals(proposal.proposedBy());
        }
        if (proposal != null && proposal.proposedBy() != null && !explicitProposal) {
            counted.add(new Counted(
                    decisionId,
                    proposal.proposedBy(),
                    InfluenceKind.PROPOSED,
                    proposal.occurredAt(),
                    proposal.order()));
        }
        counted.sort(DecisionFacts.IN_ORDER);
        return counted;
    }

    public static DecisionInfluencers influencers(
            String projectId, PointInTime at, DecisionFacts facts, TeamHistory team) {
        Proposal proposal = facts.proposal();
        List<Sourced> evidence = new ArrayList<>();
        if (proposal != null && proposal.proposedBy() != null) {
            evidence.add(new Sourced(
                    proposal.proposedBy(),
                    proposal,
                    new Evidence(
                            null,
                            InfluenceKind.PROPOSED,
                            proposal.occurredAt(),
                            proposal.recordedAt(),
                            null,
                            null,
                            null,
                            proposal.eventId())));
        }
        for (Influence influence : facts.influences()) {
            evidence.add(new Sourced(
                    influence.memberId(),
                    influence,
                    new Evidence(
                            influence.influenceId(),
                            influence.kind(),
                            influence.occurredAt(),
                            influence.recordedAt(),
                            influence.contributionId(),
                            influence.reflectionId(),
                            influence.note(),
                            influence.eventId())));
        }
        evidence.sort(Comparator.comparing(Sourced::fact, DecisionFacts.IN_ORDER));
        Map<String, List<Evidence>> byMember = new LinkedHashMap<>();
        for (Sourced sourced : evidence) {
            byMember.computeIfAbsent(sourced.memberId(), id -> new ArrayList<>())
                    .add(sourced.evidence());
        }
        List<Influencer> influencers = new ArrayList<>(byMember.size());
        byMember.forEach((memberId, items) -> {
            Optional<MemberState> then =
                    team.at(memberId, items.get(items.size() - 1).occurredAt());
            influencers.add(new Influencer(
                    memberId,
                    then.map(MemberState::name).orElse(null),
                    then.map(MemberState::role).orElse(null),
                    then.map(MemberState::perspectives).orElse(null),
                    List.copyOf(new TreeSet<>(items.stream().map(Evidence::kind).toList())),
                    items));
        });
        return new DecisionInfluencers(
                projectId,
                facts.decisionId(),
                proposal == null ? null : proposal.title(),
                at.asOf(),
                at.knownAt(),
                status(facts),
                proposal == null ? null : proposal.proposedBy(),
                proposal == null ? null : proposal.occurredAt(),
                facts.made() == null ? null : facts.made().occurredAt(),
                outcome(facts),
                facts.made() == null ? null : facts.made().method(),
                facts.made() == null ? List.of() : facts.made().decidedBy(),
                influencers,
                discussants(facts));
    }

    private record Sourced(String memberId, Fact fact, Evidence evidence) {}

    private static List<Discussant> discussants(DecisionFacts facts) {
        Map<String, Integer> counts = new HashMap<>();
        facts.discussions().forEach(d -> counts.merge(d.memberId(), 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Discussant(e.getKey(), e.getValue()))
                .toList();
    }

    public static DecisionOverview overview(DecisionFacts facts) {
        Proposal proposal = facts.proposal();
        List<Counted> counted = counted(facts);
        return new DecisionOverview(
                facts.decisionId(),
                proposal == null ? null : proposal.title(),
                status(facts),
                proposal == null ? null : proposal.proposedBy(),
                proposal == null ? null : proposal.occurredAt(),
                facts.made() == null ? null : facts.made().occurredAt(),
                outcome(facts),
                facts.made() == null ? null : facts.made().method(),
                (int) counted.stream().map(Counted::memberId).distinct().count(),
                counted.size());
    }

    /**
     * Influences across decisions by member and by primary perspective at each influence's
     * occurredAt; only those in {@code period} when it is given.
     */
    public static InfluenceSummary summary(
            String projectId,
            PointInTime at,
            Collection<DecisionFacts> decisions,
            TeamHistory team,
            PhaseCalendar.Span period) {
        List<Counted> all = new ArrayList<>();
        for (DecisionFacts facts : decisions) {
            for (Counted counted : counted(facts)) {
                if (period == null || period.contains(counted.occurredAt())) {
                    all.add(counted);
                }
            }
        }
        all.sort(DecisionFacts.IN_ORDER);
        Map<String, Tally> byMember = new LinkedHashMap<>();
        Map<String, Tally> byPerspective = new LinkedHashMap<>();
        Map<String, MemberState> latestState = new HashMap<>();
        Set<String> decisionsInfluenced = new HashSet<>();
        for (Counted counted : all) {
            Optional<MemberState> then = team.at(counted.memberId(), counted.occurredAt());
            then.ifPresent(state -> latestState.put(counted.memberId(), state));
            String perspective = team.primaryPerspectiveAt(counted.memberId(), counted.occurredAt());
            byMember.computeIfAbsent(counted.memberId(), id -> new Tally()).add(counted);
            byPerspective.computeIfAbsent(perspective, p -> new Tally()).add(counted);
            decisionsInfluenced.add(counted.decisionId());
        }
        int total = all.size();
        List<MemberInfluence> members = byMember.entrySet().stream()
                .sorted(Map.Entry.<String, Tally>comparingByValue(Tally.MOST_FIRST)
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> {
                    MemberState state = latestState.get(e.getKey());
                    Tally tally = e.getValue();
                    return new MemberInfluence(
                            e.getKey(),
                            state == null ? null : state.name(),
                            state == null ? TeamHistory.UNKNOWN_PERSPECTIVE : state.primaryPerspective(),
                            tally.influences,
                            share(tally.influences, total),
                            tally.decisions.size(),
                            tally.kinds);
                })
                .toList();
        List<PerspectiveInfluence> perspectives = byPerspective.entrySet().stream()
                .sorted(Map.Entry.<String, Tally>comparingByValue(Tally.MOST_FIRST)
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new PerspectiveInfluence(
                        e.getKey(),
                        e.getValue().influences,
                        share(e.getValue().influences, total),
                        e.getValue().decisions.size(),
                        e.getValue().kinds))
                .toList();
        return new InfluenceSummary(
                projectId,
                at.asOf(),
                at.knownAt(),
                period == null ? null : period.phaseId(),
                total,
                decisionsInfluenced.size(),
                members,
                perspectives);
    }

    private static double share(int part, int total) {
        return total == 0 ? 0.0 : (double) part / total;
    }

    private static final class Tally {
        static final Comparator<Tally> MOST_FIRST =
                Comparator.<Tally>comparingInt(t -> t.influences).reversed();

        int influences;
        final Set<String> decisions = new HashSet<>();
        final Map<InfluenceKind, Integer> kinds = new EnumMap<>(InfluenceKind.class);

        void add(Counted counted) {
            influences++;
            decisions.add(counted.decisionId());
            kinds.merge(counted.kind(), 1, Integer::sum);
        }
    }
}

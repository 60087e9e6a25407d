package org.coproduction.timeline.fold.query;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.coproduction.timeline.fold.query.DecisionFacts.Made;
import org.coproduction.timeline.fold.query.DecisionFacts.Proposal;

/**
 * The members who withdrew consent with scope ALL, as the record stands at some knownAt, and what
 * that takes out of the facts: the one rule the history fold and the read models share
 * (docs/privacy.md). Such a member leaves the team's record at every asOf: their joining, changes
 * and departure, their attendance, turns, influences, reflections, codings and interviews, their
 * place among a decision's deciders; a decision they proposed stays, proposed by nobody named.
 */
public record Exclusion(Set<String> members) {

    public static final Exclusion NONE = new Exclusion(Set.of());

    public Exclusion {
        members = Set.copyOf(members);
    }

    public static Exclusion of(Collection<String> members) {
        return members.isEmpty() ? NONE : new Exclusion(Set.copyOf(members));
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    public boolean excludes(String memberId) {
        return memberId != null && members.contains(memberId);
    }

    /** The ids without the excluded ones, in their order. */
    public List<String> remaining(List<String> memberIds) {
        if (isEmpty() || memberIds.stream().noneMatch(members::contains)) {
            return memberIds;
        }
        return memberIds.stream().filter(id -> !members.contains(id)).toList();
    }

    /** The team's changes without those of excluded members. */
    public List<MemberChange> team(List<MemberChange> changes) {
        return isEmpty()
                ? changes
                : changes.stream().filter(c -> !members.contains(c.memberId())).toList();
    }

    /** The decision's facts without the excluded members' influences, turns and places among its deciders. */
    public DecisionFacts facts(DecisionFacts facts) {
        if (isEmpty()) {
            return facts;
        }
        Proposal proposal = facts.proposal();
        if (proposal != null && excludes(proposal.proposedBy())) {
            proposal = new Proposal(
                    proposal.title(),
                    null,
                    proposal.occurredAt(),
                    proposal.recordedAt(),
                    proposal.eventId(),
                    proposal.order());
        }
        Made made = facts.made();
        if (made != null) {
            List<String> deciders = remaining(made.decidedBy());
            if (deciders != made.decidedBy()) {
                made = new Made(
                        made.outcome(),
                        made.method(),
                        deciders,
                        made.occurredAt(),
                        made.recordedAt(),
                        made.eventId(),
                        made.order());
            }
        }
        return new DecisionFacts(
                facts.decisionId(),
                proposal,
                made,
                facts.revisions(),
                facts.influences().stream()
                        .filter(i -> !members.contains(i.memberId()))
                        .toList(),
                facts.discussions().stream()
                        .filter(d -> !members.contains(d.memberId()))
                        .toList());
    }
}

package org.coproduction.timeline.fold.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InfluenceKind;

/**
 * What is known about one decision at an (asOf, knownAt): only the facts visible there, each list
 * in valid-time order (recorded order within an instant). Null proposal or outcome: not yet seen.
 */
public record DecisionFacts(
        String decisionId,
        Proposal proposal,
        Made made,
        List<Revision> revisions,
        List<Influence> influences,
        List<Discussion> discussions) {

    /** Valid-time order, then recorded order. */
    public static final Comparator<Fact> IN_ORDER =
            Comparator.comparing(Fact::occurredAt).thenComparingLong(Fact::order);

    public DecisionFacts {
        revisions = revisions.stream().sorted(IN_ORDER).toList();
        influences = influences.stream().sorted(IN_ORDER).toList();
        discussions = discussions.stream().sorted(IN_ORDER).toList();
    }

    /** Something that happened at {@code occurredAt}; {@code order} is its place in the recorded order. */
    public interface Fact {
        Instant occurredAt();

        long order();
    }

    public record Proposal(
            String title, String proposedBy, Instant occurredAt, Instant recordedAt, String eventId, long order)
            implements Fact {}

    public record Made(
            String outcome,
            DecisionMethod method,
            List<String> decidedBy,
            Instant occurredAt,
            Instant recordedAt,
            String eventId,
            long order)
            implements Fact {

        public Made {
            decidedBy = List.copyOf(decidedBy);
        }
    }

    public record Revision(String outcome, Instant occurredAt, Instant recordedAt, String eventId, long order)
            implements Fact {}

    public record Influence(
            String influenceId,
            String memberId,
            InfluenceKind kind,
            String contributionId,
            String reflectionId,
            String note,
            Instant occurredAt,
            Instant recordedAt,
            String eventId,
            long order)
            implements Fact {}

    /** A contribution in a meeting that named the decision. */
    public record Discussion(String contributionId, String memberId, Instant occurredAt, long order) implements Fact {}
}

package org.coproduction.timeline.influence.api;

import java.time.Instant;
import java.util.List;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InfluenceKind;

/**
 * Who influenced a decision as of {@code asOf}, as the record stood at {@code knownAt}. Title,
 * outcome and method are null while the events that carry them are not yet seen.
 *
 * @param influencers in the order of their first counted influence; the proposer counts from the
 *     proposal's occurredAt
 * @param decidedBy the deciders; they are influencers only through recorded influences
 * @param discussedBy who spoke to the decision in meetings, most contributions first: talking is
 *     not influencing
 */
public record DecisionInfluencers(
        String projectId,
        String decisionId,
        String title,
        Instant asOf,
        Instant knownAt,
        DecisionStatus status,
        String proposedBy,
        Instant proposedAt,
        Instant madeAt,
        String outcome,
        DecisionMethod method,
        List<String> decidedBy,
        List<Influencer> influencers,
        List<Discussant> discussedBy) {

    public DecisionInfluencers {
        decidedBy = List.copyOf(decidedBy);
        influencers = List.copyOf(influencers);
        discussedBy = List.copyOf(discussedBy);
    }

    /**
     * A member who influenced the decision, with the role and perspectives in force at their latest
     * counted influence, and the kinds of influence in catalogue order.
     */
    public record Influencer(
            String memberId,
            String name,
            String role,
            List<String> perspectives,
            List<InfluenceKind> kinds,
            List<Evidence> evidence) {

        public Influencer {
            perspectives = perspectives == null ? null : List.copyOf(perspectives);
            kinds = List.copyOf(kinds);
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * One recorded influence, or the proposal itself (then {@code influenceId} is null). {@code
     * summary} is the influence's note; {@code eventId} is the event it comes from.
     */
    public record Evidence(
            String influenceId,
            InfluenceKind kind,
            Instant occurredAt,
            Instant recordedAt,
            String contributionId,
            String reflectionId,
            String summary,
            String eventId) {}

    public record Discussant(String memberId, int contributions) {}
}

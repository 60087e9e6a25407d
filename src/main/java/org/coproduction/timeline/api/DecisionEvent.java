package org.coproduction.timeline.api;

import java.time.Instant;
import java.util.List;

/** A decision's life: proposed, influenced, made, possibly revised. */
public sealed interface DecisionEvent extends ProjectEvent {

    String decisionId();

    record DecisionProposed(String projectId, Instant occurredAt, String decisionId, String title, String proposedBy)
            implements DecisionEvent {}

    /** Its source is a contribution, a reflection, or neither. */
    record InfluenceRecorded(
            String projectId,
            Instant occurredAt,
            String decisionId,
            String influenceId,
            String memberId,
            InfluenceKind kind,
            String contributionId,
            String reflectionId,
            String note)
            implements DecisionEvent {}

    /** A correction of the record; someone who changed their mind is a new influence instead. */
    record InfluenceRetracted(
            String projectId, Instant occurredAt, String decisionId, String influenceId, String reason)
            implements DecisionEvent {}

    record DecisionMade(
            String projectId,
            Instant occurredAt,
            String decisionId,
            String outcome,
            DecisionMethod method,
            List<String> decidedBy)
            implements DecisionEvent {
        public DecisionMade {
            decidedBy = List.copyOf(decidedBy);
        }
    }

    record DecisionRevised(String projectId, Instant occurredAt, String decisionId, String outcome, String reason)
            implements DecisionEvent {}
}

package org.coproduction.timeline.decision.api;

import static org.coproduction.timeline.project.api.Require.id;
import static org.coproduction.timeline.project.api.Require.ids;
import static org.coproduction.timeline.project.api.Require.optionalId;
import static org.coproduction.timeline.project.api.Require.optionalText;
import static org.coproduction.timeline.project.api.Require.present;
import static org.coproduction.timeline.project.api.Require.text;
import static org.coproduction.timeline.project.api.Require.time;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Requests to propose, influence, make and revise decisions. */
public sealed interface DecisionCommand {

    record ProposeDecision(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            String decisionId,
            String title,
            String proposedBy)
            implements DecisionCommand {
        public ProposeDecision {
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            id("decisionId", decisionId);
            text("title", title);
            id("proposedBy", proposedBy);
        }
    }

    record RecordInfluence(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            String decisionId,
            String influenceId,
            String memberId,
            InfluenceKind kind,
            String contributionId,
            String reflectionId,
            String note)
            implements DecisionCommand {
        public RecordInfluence {
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            id("decisionId", decisionId);
            id("influenceId", influenceId);
            id("memberId", memberId);
            present("kind", kind);
            optionalId("contributionId", contributionId);
            optionalId("reflectionId", reflectionId);
            optionalText("note", note);
        }
    }

    record RetractInfluence(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            String decisionId,
            String influenceId,
            String reason)
            implements DecisionCommand {
        public RetractInfluence {
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            id("decisionId", decisionId);
            id("influenceId", influenceId);
            text("reason", reason);
        }
    }

    record MakeDecision(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            String decisionId,
            String outcome,
            DecisionMethod method,
            List<String> decidedBy)
            implements DecisionCommand {
        public MakeDecision {
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            id("decisionId", decisionId);
            text("outcome", outcome);
            present("method", method);
            decidedBy = ids("decidedBy", decidedBy, true);
        }
    }

    record ReviseDecision(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            String decisionId,
            String outcome,
            String reason)
            implements DecisionCommand {
        public ReviseDecision {
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            id("decisionId", decisionId);
            text("outcome", outcome);
            text("reason", reason);
        }
    }
}

package org.coproduction.timeline.api;

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
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.id("decisionId", decisionId);
            fields.text("title", title);
            fields.id("proposedBy", proposedBy);
            fields.done();
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
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.id("decisionId", decisionId);
            fields.id("influenceId", influenceId);
            fields.id("memberId", memberId);
            fields.present("kind", kind);
            fields.optionalId("contributionId", contributionId);
            fields.optionalId("reflectionId", reflectionId);
            fields.optionalText("note", note);
            fields.done();
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
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.id("decisionId", decisionId);
            fields.id("influenceId", influenceId);
            fields.text("reason", reason);
            fields.done();
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
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.id("decisionId", decisionId);
            fields.text("outcome", outcome);
            fields.present("method", method);
            decidedBy = fields.ids("decidedBy", decidedBy, true);
            fields.done();
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
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.id("decisionId", decisionId);
            fields.text("outcome", outcome);
            fields.text("reason", reason);
            fields.done();
        }
    }
}

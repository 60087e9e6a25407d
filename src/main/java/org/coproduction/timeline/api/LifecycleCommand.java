package org.coproduction.timeline.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Requests to change a project's lifecycle or team; each is refused with the field at fault. */
public sealed interface LifecycleCommand {

    record RegisterProject(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            String title,
            String description,
            String fundedBy)
            implements LifecycleCommand {
        public RegisterProject {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.text("title", title);
            fields.optionalText("description", description);
            fields.optionalText("fundedBy", fundedBy);
            fields.done();
        }
    }

    record StartPhase(@TargetAggregateIdentifier String projectId, Instant occurredAt, String phaseId, String name)
            implements LifecycleCommand {
        public StartPhase {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.id("phaseId", phaseId);
            fields.text("name", name);
            fields.done();
        }
    }

    record CloseProject(@TargetAggregateIdentifier String projectId, Instant occurredAt) implements LifecycleCommand {
        public CloseProject {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.done();
        }
    }

    record JoinMember(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            String memberId,
            String name,
            String role,
            List<String> perspectives)
            implements LifecycleCommand {
        public JoinMember {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.id("memberId", memberId);
            fields.text("name", name);
            fields.upperWord("role", role);
            perspectives = fields.upperWords("perspectives", perspectives);
            fields.done();
        }
    }

    record ChangeMemberRole(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            String memberId,
            String role,
            List<String> perspectives)
            implements LifecycleCommand {
        public ChangeMemberRole {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.id("memberId", memberId);
            fields.upperWord("role", role);
            perspectives = fields.upperWords("perspectives", perspectives);
            fields.done();
        }
    }

    record RecordMemberLeft(@TargetAggregateIdentifier String projectId, Instant occurredAt, String memberId)
            implements LifecycleCommand {
        public RecordMemberLeft {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.id("memberId", memberId);
            fields.done();
        }
    }
}

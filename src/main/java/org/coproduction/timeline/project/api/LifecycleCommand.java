package org.coproduction.timeline.project.api;

import static org.coproduction.timeline.project.api.Require.id;
import static org.coproduction.timeline.project.api.Require.optionalText;
import static org.coproduction.timeline.project.api.Require.text;
import static org.coproduction.timeline.project.api.Require.time;
import static org.coproduction.timeline.project.api.Require.upperWord;
import static org.coproduction.timeline.project.api.Require.upperWords;

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
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            text("title", title);
            optionalText("description", description);
            optionalText("fundedBy", fundedBy);
        }
    }

    record StartPhase(@TargetAggregateIdentifier String projectId, Instant occurredAt, String phaseId, String name)
            implements LifecycleCommand {
        public StartPhase {
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            id("phaseId", phaseId);
            text("name", name);
        }
    }

    record CloseProject(@TargetAggregateIdentifier String projectId, Instant occurredAt) implements LifecycleCommand {
        public CloseProject {
            id("projectId", projectId);
            time("occurredAt", occurredAt);
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
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            id("memberId", memberId);
            text("name", name);
            upperWord("role", role);
            perspectives = upperWords("perspectives", perspectives);
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
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            id("memberId", memberId);
            upperWord("role", role);
            perspectives = upperWords("perspectives", perspectives);
        }
    }

    record RecordMemberLeft(@TargetAggregateIdentifier String projectId, Instant occurredAt, String memberId)
            implements LifecycleCommand {
        public RecordMemberLeft {
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            id("memberId", memberId);
        }
    }
}

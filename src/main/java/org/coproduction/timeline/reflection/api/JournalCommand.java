package org.coproduction.timeline.reflection.api;

import static org.coproduction.timeline.project.api.Require.id;
import static org.coproduction.timeline.project.api.Require.optionalId;
import static org.coproduction.timeline.project.api.Require.optionalText;
import static org.coproduction.timeline.project.api.Require.present;
import static org.coproduction.timeline.project.api.Require.time;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coproduction.timeline.project.api.Require;

/** Requests to record reflections, their coding, interviews and withdrawals of consent. */
public sealed interface JournalCommand {

    record WriteReflection(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            String reflectionId,
            String authorId,
            String text,
            Visibility visibility,
            String decisionId,
            String meetingId)
            implements JournalCommand {
        public WriteReflection {
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            id("reflectionId", reflectionId);
            id("authorId", authorId);
            Require.text("text", text);
            present("visibility", visibility);
            optionalId("decisionId", decisionId);
            optionalId("meetingId", meetingId);
        }
    }

    record CodeReflection(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            String reflectionId,
            List<String> codes,
            String codedBy)
            implements JournalCommand {
        public CodeReflection {
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            id("reflectionId", reflectionId);
            codes = Require.codes("codes", codes, true);
            id("codedBy", codedBy);
        }
    }

    record RecordInterview(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            String interviewId,
            String intervieweeId,
            String interviewerId,
            String summary,
            List<String> codes)
            implements JournalCommand {
        public RecordInterview {
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            id("interviewId", interviewId);
            id("intervieweeId", intervieweeId);
            id("interviewerId", interviewerId);
            optionalText("summary", summary);
            codes = codes == null ? null : Require.codes("codes", codes, false);
        }
    }

    /** Scope TEXT when none is given. */
    record WithdrawConsent(
            @TargetAggregateIdentifier String projectId, Instant occurredAt, String memberId, WithdrawalScope scope)
            implements JournalCommand {
        public WithdrawConsent {
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            id("memberId", memberId);
            scope = scope == null ? WithdrawalScope.TEXT : scope;
        }

        public WithdrawConsent(String projectId, Instant occurredAt, String memberId) {
            this(projectId, occurredAt, memberId, WithdrawalScope.TEXT);
        }
    }
}

package org.coproduction.timeline.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

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
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.id("reflectionId", reflectionId);
            fields.id("authorId", authorId);
            fields.text("text", text);
            fields.present("visibility", visibility);
            fields.optionalId("decisionId", decisionId);
            fields.optionalId("meetingId", meetingId);
            fields.done();
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
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.id("reflectionId", reflectionId);
            codes = fields.codes("codes", codes, true);
            fields.id("codedBy", codedBy);
            fields.done();
        }
    }

    /**
     * Codes a passage of a text, in code points from {@code start} (inclusive) to {@code end}
     * (exclusive); no code clears the passage's coding. Whether {@code end} is within the text is for
     * whoever opens the text (the web adapter): the aggregate never sees it.
     */
    record CodePassage(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            PassageSource source,
            String sourceId,
            Integer start,
            Integer end,
            List<String> codes,
            String codedBy)
            implements JournalCommand {
        public CodePassage {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.present("source", source);
            fields.id("sourceId", sourceId);
            fields.passage("start", start, "end", end);
            codes = fields.codes("codes", codes, false);
            fields.id("codedBy", codedBy);
            fields.done();
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
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.id("interviewId", interviewId);
            fields.id("intervieweeId", intervieweeId);
            fields.id("interviewerId", interviewerId);
            fields.optionalText("summary", summary);
            codes = codes == null ? null : fields.codes("codes", codes, false);
            fields.done();
        }
    }

    /** Scope TEXT when none is given. */
    record WithdrawConsent(
            @TargetAggregateIdentifier String projectId, Instant occurredAt, String memberId, WithdrawalScope scope)
            implements JournalCommand {
        public WithdrawConsent {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.id("memberId", memberId);
            scope = scope == null ? WithdrawalScope.TEXT : scope;
            fields.done();
        }

        public WithdrawConsent(String projectId, Instant occurredAt, String memberId) {
            this(projectId, occurredAt, memberId, WithdrawalScope.TEXT);
        }
    }

    /** The team writes (or writes again) its answer to a GRIPP2 topic. */
    record WriteGripp2Item(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            Gripp2Topic item,
            String text,
            List<String> authors)
            implements JournalCommand {
        public WriteGripp2Item {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.present("item", item);
            fields.text("text", text);
            authors = fields.ids("authors", authors, true);
            fields.done();
        }
    }
}

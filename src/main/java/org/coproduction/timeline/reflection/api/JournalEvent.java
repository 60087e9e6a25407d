package org.coproduction.timeline.reflection.api;

import java.time.Instant;
import java.util.List;
import org.coproduction.timeline.project.api.ProjectEvent;

/** The team's reflective record: diary entries, their themes, interviews, and consent. */
public sealed interface JournalEvent extends ProjectEvent {

    record ReflectionWritten(
            String projectId,
            Instant occurredAt,
            String reflectionId,
            String authorId,
            String text,
            Visibility visibility,
            String decisionId,
            String meetingId)
            implements JournalEvent {}

    record ReflectionCoded(
            String projectId, Instant occurredAt, String reflectionId, List<String> codes, String codedBy)
            implements JournalEvent {
        public ReflectionCoded {
            codes = List.copyOf(codes);
        }
    }

    record InterviewRecorded(
            String projectId,
            Instant occurredAt,
            String interviewId,
            String intervieweeId,
            String interviewerId,
            String summary,
            List<String> codes)
            implements JournalEvent {
        public InterviewRecorded {
            codes = codes == null ? null : List.copyOf(codes);
        }
    }

    /**
     * The member's personal text is made unreadable; with scope {@link WithdrawalScope#ALL} they
     * also leave every figure and list. Version 1 had no scope and is read as {@code TEXT}.
     */
    record ConsentWithdrawn(String projectId, Instant occurredAt, String memberId, WithdrawalScope scope)
            implements JournalEvent {
        public ConsentWithdrawn {
            scope = scope == null ? WithdrawalScope.TEXT : scope;
        }

        /** A withdrawal of the member's text and name only. */
        public ConsentWithdrawn(String projectId, Instant occurredAt, String memberId) {
            this(projectId, occurredAt, memberId, WithdrawalScope.TEXT);
        }
    }
}

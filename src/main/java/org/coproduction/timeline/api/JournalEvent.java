package org.coproduction.timeline.api;

import java.time.Instant;
import java.util.List;

/**
 * The team's reflective record: diary entries, their themes, interviews, consent, and what the team
 * writes for its report.
 */
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

    /**
     * A passage of a reflection's text or an interview's summary, from code point {@code start}
     * (inclusive) to {@code end} (exclusive), is coded with {@code codes}: a later one of the same
     * source, sourceId, start and end replaces it from its {@code occurredAt} on, and one with no
     * code clears it. Offsets and codes only: the passage's words are in its text, sealed.
     */
    record PassageCoded(
            String projectId,
            Instant occurredAt,
            PassageSource source,
            String sourceId,
            int start,
            int end,
            List<String> codes,
            String codedBy)
            implements JournalEvent {
        public PassageCoded {
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

    /**
     * The team's answer to a GRIPP2 topic for its report, as it reads from {@code occurredAt} on: a
     * later one for the same topic replaces it (a correction is written again). The text is the
     * team's, for publication, and is not sealed; {@code authors} are the members who wrote it.
     */
    record Gripp2ItemWritten(String projectId, Instant occurredAt, Gripp2Topic item, String text, List<String> authors)
            implements JournalEvent {
        public Gripp2ItemWritten {
            authors = authors.stream().distinct().toList();
        }
    }
}

package org.coproduction.timeline.api;

import java.time.Instant;
import java.util.List;

/**
 * The team's codebook: the qualitative codes it gives reflections and interviews, each defined,
 * revised (renamed, described, nested under another code), merged into another, or retired, from
 * {@code occurredAt} on. A code is named by its key, the string a coding gives (ReflectionCoded,
 * InterviewRecorded); a key used in a coding and never defined is a code of the codebook too, named
 * by its key (docs/codebook.md). {@code changedBy} is the member who changed the codebook.
 */
public sealed interface CodebookEvent extends ProjectEvent {

    /** The member who changed the codebook. */
    String changedBy();

    /**
     * A code is defined: its display name (null: the key), what it means (null if not said), and
     * the code it sits under (null: at the top).
     */
    record CodeDefined(
            String projectId,
            Instant occurredAt,
            String code,
            String name,
            String description,
            String parent,
            String changedBy)
            implements CodebookEvent {}

    /** A code's name, description and parent as they read from now on, all three given (a null clears it). */
    record CodeRevised(
            String projectId,
            Instant occurredAt,
            String code,
            String name,
            String description,
            String parent,
            String changedBy)
            implements CodebookEvent {}

    /**
     * Codes merged into one: from now on each of {@code codes} counts as {@code into}, and no new
     * coding may give it. Their codings stay as recorded.
     */
    record CodesMerged(String projectId, Instant occurredAt, List<String> codes, String into, String changedBy)
            implements CodebookEvent {
        public CodesMerged {
            codes = List.copyOf(codes);
        }
    }

    /** A code is retired: its codings stay and count, and no new coding may give it. */
    record CodeRetired(String projectId, Instant occurredAt, String code, String reason, String changedBy)
            implements CodebookEvent {}
}

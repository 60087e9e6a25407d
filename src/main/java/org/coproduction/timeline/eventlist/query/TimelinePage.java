package org.coproduction.timeline.eventlist.query;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;

/** One page of a project's timeline, ordered by occurredAt, then recordedAt, then recording order. */
public record TimelinePage(String projectId, int page, int size, long total, List<Entry> entries) {

    /**
     * An event as the timeline shows it. {@code phase} is null before the first phase; {@code data}
     * is the event's fields as the interchange writes them, without the text of private reflections.
     */
    public record Entry(
            long sequence,
            String eventId,
            String type,
            Instant occurredAt,
            Instant recordedAt,
            PhaseRef phase,
            List<MemberRef> members,
            @JsonRawValue String data) {}

    public record PhaseRef(String phaseId, String name) {}

    public record MemberRef(String memberId, String name) {}
}

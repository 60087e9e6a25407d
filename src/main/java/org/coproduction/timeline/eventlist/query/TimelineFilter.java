package org.coproduction.timeline.eventlist.query;

import java.time.Instant;
import java.util.List;

/**
 * What a timeline request narrows to: valid time from (inclusive) until (exclusive), one phase,
 * one member, some event types; and which page.
 */
public record TimelineFilter(
        Instant from, Instant until, String phaseId, String memberId, List<String> types, int page, int size) {

    /** The phase id that names the events before a project's first phase. */
    public static final String BEFORE_FIRST_PHASE = "before-first-phase";

    public TimelineFilter {
        types = types == null ? List.of() : List.copyOf(types);
    }
}

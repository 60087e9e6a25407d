package org.coproduction.timeline.platform.web;

import java.time.Clock;
import java.time.Instant;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.Require;
import org.springframework.stereotype.Component;

/**
 * Reads the point in time of a time-travelling request: {@code asOf} and {@code knownAt} a date or
 * an instant each (a date means the start of that day, UTC), both defaulting to the same now.
 */
@Component
public class TimeTravel {

    /** The OpenAPI description of an {@code asOf} parameter. */
    public static final String AS_OF =
            "valid time: what had happened by then (a date means its start, UTC); default now";

    /** The OpenAPI description of a {@code knownAt} parameter. */
    public static final String KNOWN_AT =
            "recorded time: the record as it stood then (a date means its start, UTC); default now";

    private final Clock clock;

    public TimeTravel(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The request's point in time; 400 naming the field for a value that is not a date or instant. */
    public PointInTime at(String asOf, String knownAt) {
        Instant now = now();
        return new PointInTime(or(now, "asOf", asOf), or(now, "knownAt", knownAt));
    }

    /** The request's recorded time alone, for a question that walks valid time itself (the replay). */
    public Instant knownAt(String knownAt) {
        return or(now(), "knownAt", knownAt);
    }

    private static Instant or(Instant now, String field, String value) {
        return value == null || value.isBlank() ? now : Require.requestedTime(field, value);
    }
}

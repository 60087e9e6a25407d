package org.coproduction.timeline.platform.web;

import java.time.Clock;
import java.time.Instant;
import org.coproduction.timeline.api.Require;
import org.springframework.stereotype.Component;

/**
 * Reads the (asOf, knownAt) pair of a time-travelling request: a date or an instant each (a date
 * means the start of that day, UTC), both defaulting to the same now.
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

    public Instant asOf(String value, Instant now) {
        return value == null || value.isBlank() ? now : Require.requestedTime("asOf", value);
    }

    public Instant knownAt(String value, Instant now) {
        return value == null || value.isBlank() ? now : Require.requestedTime("knownAt", value);
    }
}

package org.coproduction.timeline.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a question stands in the record's two times (docs/events.md, "Time"): what had happened by
 * {@code asOf} (valid time), as the record stood at {@code knownAt} (recorded time). Every question
 * that travels in time takes one value, built once from the request, and hands it on whole; the
 * answers still write the two instants as their fields {@code asOf} and {@code knownAt}.
 */
public record PointInTime(Instant asOf, Instant knownAt) {

    public PointInTime {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(knownAt, "knownAt");
    }

    /** The present: what has happened by now, as recorded by now (every question's default). */
    public static PointInTime now(Instant now) {
        return new PointInTime(now, now);
    }

    /** The same record (this knownAt) at another valid time: a replay's step, a phase's end. */
    public PointInTime withAsOf(Instant otherAsOf) {
        return new PointInTime(otherAsOf, knownAt);
    }
}

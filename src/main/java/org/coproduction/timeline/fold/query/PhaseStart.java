package org.coproduction.timeline.fold.query;

import java.time.Instant;

/** A phase starting at {@code occurredAt}; {@code order} settles two starts at the same instant. */
public record PhaseStart(String phaseId, String name, Instant occurredAt, long order)
        implements Comparable<PhaseStart> {

    @Override
    public int compareTo(PhaseStart other) {
        int byTime = occurredAt.compareTo(other.occurredAt);
        return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
}

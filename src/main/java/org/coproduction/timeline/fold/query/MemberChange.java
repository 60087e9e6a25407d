package org.coproduction.timeline.fold.query;

import java.time.Instant;
import java.util.List;

/**
 * A member joining, changing role or perspectives, or leaving, in force from {@code occurredAt}.
 * {@code order} is the event's place in the project's recorded order; it settles changes at the
 * same instant. Name, role and perspectives are null for a departure.
 */
public record MemberChange(
        String memberId, Kind kind, String name, String role, List<String> perspectives, Instant occurredAt, long order)
        implements Comparable<MemberChange> {

    public enum Kind {
        JOINED,
        CHANGED,
        LEFT
    }

    public MemberChange {
        perspectives = perspectives == null ? null : List.copyOf(perspectives);
    }

    @Override
    public int compareTo(MemberChange other) {
        int byTime = occurredAt.compareTo(other.occurredAt);
        return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
}

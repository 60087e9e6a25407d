package org.coproduction.timeline.fold.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every known change to the team, answering who was on it and with which role and perspectives at
 * any instant: a contribution in March is attributed to its member's March perspectives.
 */
public final class TeamHistory {

    /** The perspective reported for a member the record does not know at that time. */
    public static final String UNKNOWN_PERSPECTIVE = "UNKNOWN";

    private final Map<String, List<MemberChange>> changesByMember = new HashMap<>();

    public TeamHistory(Collection<MemberChange> changes) {
        for (MemberChange change : changes) {
            changesByMember
                    .computeIfAbsent(change.memberId(), id -> new ArrayList<>())
                    .add(change);
        }
        changesByMember.values().forEach(list -> list.sort(null));
    }

    /** The member as they were at {@code t}, changes at {@code t} included; empty before they joined. */
    public Optional<MemberState> at(String memberId, Instant t) {
        return Optional.ofNullable(stateOf(changesByMember.get(memberId), t, true));
    }

    /**
     * The member's primary perspective at {@code t} (the first of those in force: shares "by
     * perspective" count under it), or {@link #UNKNOWN_PERSPECTIVE} before they joined.
     */
    public String primaryPerspectiveAt(String memberId, Instant t) {
        MemberState state = stateOf(changesByMember.get(memberId), t, true);
        String primary = state == null ? null : state.primaryPerspective();
        return primary == null ? UNKNOWN_PERSPECTIVE : primary;
    }

    /** The member as they were just before {@code t}: at the end of a period that ends at {@code t}. */
    public Optional<MemberState> before(String memberId, Instant t) {
        return Optional.ofNullable(stateOf(changesByMember.get(memberId), t, false));
    }

    /** The members on the team at {@code t} (or just before it), ordered by member id. */
    public List<MemberState> team(Instant t, boolean inclusive) {
        TreeMap<String, MemberState> team = new TreeMap<>();
        changesByMember.forEach((memberId, changes) -> {
            MemberState state = stateOf(changes, t, inclusive);
            if (state != null && state.active()) {
                team.put(memberId, state);
            }
        });
        return List.copyOf(team.values());
    }

    /** The changes that took effect in {@code [from, until)}, in the order they took effect. */
    public List<MemberChange> changesBetween(Instant from, Instant until) {
        List<MemberChange> found = new ArrayList<>();
        changesByMember.values().forEach(changes -> changes.stream()
                .filter(c -> (from == null || !c.occurredAt().isBefore(from))
                        && (until == null || c.occurredAt().isBefore(until)))
                .forEach(found::add));
        found.sort(null);
        return found;
    }

    private static MemberState stateOf(List<MemberChange> changes, Instant t, boolean inclusive) {
        if (changes == null) {
            return null;
        }
        MemberState state = null;
        for (MemberChange change : changes) {
            int cmp = change.occurredAt().compareTo(t);
            if (cmp > 0 || (cmp == 0 && !inclusive)) {
                break;
            }
            state = switch (change.kind()) {
                case JOINED -> new MemberState(
                        change.memberId(), change.name(), change.role(), change.perspectives(), true);
                case CHANGED -> state == null
                        ? null
                        : new MemberState(
                                change.memberId(), state.name(), change.role(), change.perspectives(), state.active());
                case LEFT -> state == null
                        ? null
                        : new MemberState(change.memberId(), state.name(), state.role(), state.perspectives(), false);
            };
        }
        return state;
    }
}

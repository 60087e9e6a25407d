package org.coproduction.timeline.project.command;

import static org.coproduction.timeline.api.RuleViolationException.conflict;
import static org.coproduction.timeline.api.RuleViolationException.notFound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.LifecycleEvent.MemberLeft;
import org.coproduction.timeline.api.LifecycleEvent.MemberRoleChanged;

/**
 * Who was on the team when: each member's memberships as half-open intervals of valid time, so
 * "was m a member at t" holds for any t, however late the facts were recorded.
 */
public final class Team {

    private record Membership(Instant joinedAt, Instant leftAt) {
        boolean covers(Instant t) {
            return !t.isBefore(joinedAt) && (leftAt == null || t.isBefore(leftAt));
        }
    }

    private final Map<String, List<Membership>> memberships = new HashMap<>();

    public boolean isMemberAt(String memberId, Instant t) {
        return membershipAt(memberId, t).isPresent();
    }

    public boolean hasEverJoined(String memberId) {
        return memberships.containsKey(memberId);
    }

    /** Refuses a reference to someone who was not on the team at {@code t}. */
    public void requireMemberAt(String field, String memberId, Instant t) {
        if (!isMemberAt(memberId, t)) {
            if (!hasEverJoined(memberId)) {
                throw notFound(field, "member " + memberId + " has not joined the project");
            }
            throw conflict(field, "member " + memberId + " was not on the team at " + t);
        }
    }

    void check(MemberJoined joined) {
        for (Membership membership : memberships.getOrDefault(joined.memberId(), List.of())) {
            if (membership.leftAt() == null || membership.leftAt().isAfter(joined.occurredAt())) {
                throw conflict("memberId", "member " + joined.memberId() + " is already on the team");
            }
        }
    }

    void check(MemberRoleChanged changed) {
        requireMemberAt("memberId", changed.memberId(), changed.occurredAt());
    }

    void check(MemberLeft left) {
        requireMemberAt("memberId", left.memberId(), left.occurredAt());
        if (membershipAt(left.memberId(), left.occurredAt()).orElseThrow().leftAt() != null) {
            throw conflict("memberId", "member " + left.memberId() + " has already left");
        }
    }

    void evolve(MemberJoined joined) {
        memberships
                .computeIfAbsent(joined.memberId(), id -> new ArrayList<>(1))
                .add(new Membership(joined.occurredAt(), null));
    }

    void evolve(MemberLeft left) {
        List<Membership> list = memberships.get(left.memberId());
        Membership current = membershipAt(left.memberId(), left.occurredAt()).orElseThrow();
        list.set(list.indexOf(current), new Membership(current.joinedAt(), left.occurredAt()));
    }

    private Optional<Membership> membershipAt(String memberId, Instant t) {
        for (Membership membership : memberships.getOrDefault(memberId, List.of())) {
            if (membership.covers(t)) {
                return Optional.of(membership);
            }
        }
        return Optional.empty();
    }
}

package org.coproduction.timeline.fold.query;

import java.util.List;

/**
 * A member as they were at some instant: name, role and perspectives in force then, and whether
 * they were on the team (a member who left keeps the role they left with).
 */
public record MemberState(String memberId, String name, String role, List<String> perspectives, boolean active) {

    public MemberState {
        perspectives = List.copyOf(perspectives);
    }

    /** The first of the perspectives: the one shares "by perspective" count under (docs/metrics.md). */
    public String primaryPerspective() {
        return perspectives.isEmpty() ? null : perspectives.get(0);
    }
}

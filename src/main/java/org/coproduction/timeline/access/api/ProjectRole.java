package org.coproduction.timeline.access.api;

/**
 * An account's role in one project, each including the ones before it: a {@code COORDINATOR} may do
 * all a {@code RECORDER} may, who may do all a {@code MEMBER} may, who may do all a {@code VIEWER}
 * may. What each may do is tabled in docs/security.md.
 */
public enum ProjectRole {
    /** Sees the project's views and reports (a funder, a steering group). */
    VIEWER,
    /** Also writes and codes their own reflections. */
    MEMBER,
    /** Also records meetings and their turns, decisions, influences, interviews and corrections. */
    RECORDER,
    /** Also manages the team, the project's accounts and grants, phases and closing. */
    COORDINATOR;

    /** Whether this role may do what {@code needed} may. */
    public boolean includes(ProjectRole needed) {
        return compareTo(needed) >= 0;
    }
}

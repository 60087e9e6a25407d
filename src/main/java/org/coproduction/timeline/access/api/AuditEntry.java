package org.coproduction.timeline.access.api;

import java.time.Instant;

/**
 * One line of the audit trail: who ({@code actor}, an account's username, or absent for the
 * application itself) did what ({@code action}), in which project, to whom or what ({@code subject}).
 */
public record AuditEntry(
        long id, Instant at, String actor, String action, String projectId, String subject, String detail) {}

package org.coproduction.timeline.project.query;

import java.time.Instant;

/** One line of the project list. {@code members} counts those currently on the team. */
public record ProjectSummary(
        String projectId,
        String title,
        String description,
        String fundedBy,
        Instant registeredAt,
        Instant closedAt,
        String currentPhase,
        int members) {}

package org.coproduction.timeline.replay.api;

import java.time.Instant;
import java.util.List;

/**
 * A project's history phase by phase as the record stood at {@code knownAt}, stopped at {@code
 * until} (a date or a phaseId) when given. A first bucket {@code before-first-phase} appears when
 * something happened before the first phase started. {@code closedAt} is the project's closure when it
 * was closed by where the replay stops (its last phase ran until then), null otherwise.
 */
public record ProjectReplay(
        String projectId,
        String title,
        Instant knownAt,
        String until,
        Instant closedAt,
        long events,
        List<PhaseReplay> phases) {

    public ProjectReplay {
        phases = List.copyOf(phases);
    }
}

package org.coproduction.timeline.participation.query;

import java.time.Instant;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.fold.query.ProjectHistory;

/** The reference fold for tests: participation from a project's history, as of asOf, as that history was read. */
public final class FoldedParticipation {

    private FoldedParticipation() {}

    public static ParticipationFold of(ProjectHistory history, Instant asOf) {
        return new ParticipationFold(new HistoryFacts(history, new PointInTime(asOf, history.knownAt())));
    }
}

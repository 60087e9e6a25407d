package org.coproduction.timeline.participation.query;

import java.time.Instant;
import org.coproduction.timeline.history.query.ProjectHistory;
import org.coproduction.timeline.history.query.ProjectHistoryReader;
import org.coproduction.timeline.participation.api.MemberTrajectory;
import org.coproduction.timeline.participation.api.Participation;
import org.coproduction.timeline.participation.api.WindowKind;
import org.springframework.stereotype.Component;

/**
 * Participation window by window, and one member's trajectory, for any (asOf, knownAt).
 *
 * <p>For now every request folds the project's events from the event store ({@link
 * ProjectHistoryReader}) and works the figures out from scratch with {@link ParticipationFold}:
 * correct at every (asOf, knownAt), but it reads the whole stream each time. An incremental read
 * model, counts kept per window as events arrive, is to serve knownAt = now; this fold stays the
 * reference it is checked against and the path for earlier knownAt.
 */
@Component
public class ParticipationQuery {

    private final ProjectHistoryReader reader;

    ParticipationQuery(ProjectHistoryReader reader) {
        this.reader = reader;
    }

    /** 404 for a project never registered. */
    public Participation participation(String projectId, WindowKind by, Instant asOf, Instant knownAt) {
        return participation(reader.read(projectId, knownAt), projectId, by, asOf);
    }

    /** The same answer from a history already folded, for a caller that needs the fold too. */
    public Participation participation(ProjectHistory history, String projectId, WindowKind by, Instant asOf) {
        return new ParticipationFold(history, asOf).participation(projectId, by);
    }

    /** 404 for a project never registered, or a member it never had (as known at knownAt). */
    public MemberTrajectory trajectory(String projectId, String memberId, Instant asOf, Instant knownAt) {
        return new ParticipationFold(reader.read(projectId, knownAt), asOf).trajectory(projectId, memberId);
    }
}

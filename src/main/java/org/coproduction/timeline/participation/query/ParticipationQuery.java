package org.coproduction.timeline.participation.query;

import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.coproduction.timeline.fold.query.ProjectHistoryReader;
import org.coproduction.timeline.participation.api.MemberTrajectory;
import org.coproduction.timeline.participation.api.Participation;
import org.coproduction.timeline.participation.api.WindowKind;
import org.springframework.stereotype.Component;

/**
 * Participation window by window, and one member's trajectory, at any point in time.
 *
 * <p>The present record (a knownAt at or after the latest recorded time of the project's events:
 * every default request) is answered from the participation tables ({@link ParticipationReadModel}).
 * An earlier knownAt, or tables that have not caught up with the project within a short wait, folds
 * the project's events from the event store ({@link HistoryFacts}): the reference the tables are
 * checked against. Both sources hand the same {@link ParticipationFacts} to the same {@link
 * ParticipationFold}, so the answers are equal.
 */
@Component
public class ParticipationQuery {

    private final ProjectHistoryReader reader;
    private final ParticipationReadModel readModel;

    ParticipationQuery(ProjectHistoryReader reader, ParticipationReadModel readModel) {
        this.reader = reader;
        this.readModel = readModel;
    }

    /** 404 for a project never registered. */
    public Participation participation(String projectId, WindowKind by, PointInTime at) {
        return fold(projectId, at).participation(projectId, by);
    }

    /** The same answer from a history already read at {@code at}'s knownAt, for a caller that needs it too. */
    public Participation participation(ProjectHistory history, String projectId, WindowKind by, PointInTime at) {
        return new ParticipationFold(new HistoryFacts(history, at)).participation(projectId, by);
    }

    /** 404 for a project never registered, or a member it never had (as known at knownAt). */
    public MemberTrajectory trajectory(String projectId, String memberId, PointInTime at) {
        return fold(projectId, at).trajectory(projectId, memberId);
    }

    private ParticipationFold fold(String projectId, PointInTime at) {
        return readModel
                .fold(projectId, at)
                .orElseGet(() -> new ParticipationFold(new HistoryFacts(reader.read(projectId, at.knownAt()), at)));
    }
}

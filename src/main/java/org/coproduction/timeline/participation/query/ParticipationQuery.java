package org.coproduction.timeline.participation.query;

import java.time.Instant;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.coproduction.timeline.fold.query.ProjectHistoryReader;
import org.coproduction.timeline.participation.api.MemberTrajectory;
import org.coproduction.timeline.participation.api.Participation;
import org.coproduction.timeline.participation.api.WindowKind;
import org.springframework.stereotype.Component;

/**
 * Participation window by window, and one member's trajectory, for any (asOf, knownAt).
 *
 * <p>The present record (a knownAt at or after the latest recorded time of the project's events:
 * every default request) is answered from the participation read model ({@link
 * ParticipationReadModel}), which reads a row per meeting and member. An earlier knownAt, or a read
 * model that has not caught up with the project within a short wait, folds the project's events from
 * the event store ({@link ProjectHistoryReader}) with {@link ParticipationFold}: the reference the
 * read model is checked against. Both hand the same facts to the same fold, so the answers are equal.
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
    public Participation participation(String projectId, WindowKind by, Instant asOf, Instant knownAt) {
        return fold(projectId, asOf, knownAt).participation(projectId, by);
    }

    /** The same answer from a history already folded, for a caller that needs the fold too. */
    public Participation participation(ProjectHistory history, String projectId, WindowKind by, Instant asOf) {
        return new ParticipationFold(history, asOf).participation(projectId, by);
    }

    /** 404 for a project never registered, or a member it never had (as known at knownAt). */
    public MemberTrajectory trajectory(String projectId, String memberId, Instant asOf, Instant knownAt) {
        return fold(projectId, asOf, knownAt).trajectory(projectId, memberId);
    }

    private ParticipationFold fold(String projectId, Instant asOf, Instant knownAt) {
        return readModel
                .fold(projectId, asOf, knownAt)
                .orElseGet(() -> new ParticipationFold(reader.read(projectId, knownAt), asOf));
    }
}

package org.coproduction.timeline.participation.query;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.coproduction.timeline.access.ProjectAccess;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.platform.axon.ReadYourWrites;
import org.coproduction.timeline.privacy.Sealing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Participation from its tables ({@link ParticipationTables}), folded by {@link ParticipationFold}
 * exactly as a project's history is, when the tables can answer.
 *
 * <p>The tables hold the present record, so they answer for a knownAt at or after the latest
 * recorded time of the project's events, and only once they hold the project's whole stream. When
 * the processor is behind the event store for the project (a command just stored an event; asked of
 * the processor's token by {@link ReadYourWrites}, as every read model's question is) the
 * question waits up to {@code timeline.participation.catch-up-wait} (default 500 ms) for it to catch
 * up; past that, or for an earlier knownAt, or while the processor has not reached the project at
 * all (a rebuild), the answer is empty and the caller folds the events instead.
 */
@Component
public class ParticipationReadModel {

    private final JdbcTemplate jdbc;
    private final Sealing sealing;
    private final TransactionTemplate snapshot;
    private final Duration catchUpWait;
    private final ReadYourWrites readYourWrites;
    private final ProjectAccess projects;

    ParticipationReadModel(
            JdbcTemplate jdbc,
            Sealing sealing,
            PlatformTransactionManager transactions,
            ReadYourWrites readYourWrites,
            ProjectAccess projects,
            @Value("${timeline.participation.catch-up-wait:PT0.5S}") Duration catchUpWait) {
        this.jdbc = jdbc;
        this.readYourWrites = readYourWrites;
        this.projects = projects;
        this.sealing = sealing;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        this.catchUpWait = catchUpWait;
    }

    /**
     * The project's participation at {@code at}, folded from the tables when they can tell it;
     * empty when the events must be folded instead. 404 for a project the store has no event of.
     */
    public Optional<ParticipationFold> fold(String projectId, PointInTime at) {
        // Wait for what was stored before the question, not for what keeps arriving meanwhile.
        boolean caughtUp = readYourWrites.caughtUp(ParticipationProjection.PROCESSING_GROUP, projectId, catchUpWait);
        Optional<ParticipationFold> answer = caughtUp ? snapshot.execute(tx -> read(projectId, at)) : Optional.empty();
        if (answer.isEmpty() && caughtUp && !projects.isRegistered(projectId)) {
            throw RuleViolationException.notFound("projectId", "project " + projectId + " is not registered");
        }
        return answer;
    }

    /**
     * The fold of the tables, which hold the project's whole stream once the processor's token has
     * passed the project's latest event; empty when they do not hold the project (a rebuild has not
     * reached it) or the record as it stood at knownAt is older than the tables' present.
     */
    private Optional<ParticipationFold> read(String projectId, PointInTime at) {
        List<OffsetDateTime> latestRecording = jdbc.query(
                "SELECT last_recorded_at FROM participation_project WHERE project_id = ?",
                (rs, n) -> rs.getObject(1, OffsetDateTime.class),
                projectId);
        if (latestRecording.isEmpty()
                || at.knownAt().isBefore(latestRecording.get(0).toInstant())) {
            return Optional.empty();
        }
        return Optional.of(new ParticipationFold(new ParticipationTables(jdbc, sealing, projectId, at)));
    }
}

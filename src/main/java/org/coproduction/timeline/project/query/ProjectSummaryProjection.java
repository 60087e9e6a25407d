package org.coproduction.timeline.project.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.LifecycleEvent.MemberLeft;
import org.coproduction.timeline.api.LifecycleEvent.PhaseStarted;
import org.coproduction.timeline.api.LifecycleEvent.ProjectClosed;
import org.coproduction.timeline.api.LifecycleEvent.ProjectRegistered;
import org.coproduction.timeline.api.WithdrawalScope;
import org.coproduction.timeline.platform.Utc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code project_summary}, and answers the project list from it. Each handler sets state
 * from the event alone (no increments that a redelivery could double), except the team size,
 * which is recounted from the members it keeps.
 */
@Component
@ProcessingGroup(ProjectSummaryProjection.PROCESSING_GROUP)
public class ProjectSummaryProjection {

    /** The name of this read model (its processor's). */
    public static final String PROCESSING_GROUP = "projects";

    private static final RowMapper<ProjectSummary> ROW = (rs, n) -> new ProjectSummary(
            rs.getString("project_id"),
            rs.getString("title"),
            rs.getString("description"),
            rs.getString("funded_by"),
            instant(rs.getObject("registered_at", OffsetDateTime.class)),
            instant(rs.getObject("closed_at", OffsetDateTime.class)),
            rs.getString("current_phase"),
            rs.getInt("members"));

    private final JdbcTemplate jdbc;

    ProjectSummaryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProjectRegistered e) {
        jdbc.update("DELETE FROM project_summary WHERE project_id = ?", e.projectId());
        jdbc.update(
                "INSERT INTO project_summary (project_id, title, description, funded_by, registered_at, members)"
                        + " VALUES (?, ?, ?, ?, ?, 0)",
                e.projectId(),
                e.title(),
                e.description(),
                e.fundedBy(),
                Utc.of(e.occurredAt()));
    }

    @EventHandler
    void on(PhaseStarted e) {
        jdbc.update("UPDATE project_summary SET current_phase = ? WHERE project_id = ?", e.name(), e.projectId());
    }

    @EventHandler
    void on(ProjectClosed e) {
        jdbc.update(
                "UPDATE project_summary SET closed_at = ? WHERE project_id = ?", Utc.of(e.occurredAt()), e.projectId());
    }

    @EventHandler
    void on(MemberJoined e) {
        jdbc.update("DELETE FROM project_member WHERE project_id = ? AND member_id = ?", e.projectId(), e.memberId());
        jdbc.update(
                "INSERT INTO project_member (project_id, member_id, active) VALUES (?, ?, TRUE)",
                e.projectId(),
                e.memberId());
        recountMembers(e.projectId());
    }

    @EventHandler
    void on(MemberLeft e) {
        jdbc.update(
                "UPDATE project_member SET active = FALSE WHERE project_id = ? AND member_id = ?",
                e.projectId(),
                e.memberId());
        recountMembers(e.projectId());
    }

    /** A member withdrawn with scope ALL is not counted in the team. */
    @EventHandler
    void on(ConsentWithdrawn e) {
        if (e.scope() == WithdrawalScope.ALL) {
            jdbc.update(
                    "DELETE FROM project_member WHERE project_id = ? AND member_id = ?", e.projectId(), e.memberId());
            recountMembers(e.projectId());
        }
    }

    /** TRUNCATE rather than DELETE: it drops the rows at once instead of one by one. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE TABLE project_member");
        jdbc.execute("TRUNCATE TABLE project_summary");
    }

    public List<ProjectSummary> all() {
        return jdbc.query("SELECT * FROM project_summary ORDER BY registered_at, project_id", ROW);
    }

    public Optional<ProjectSummary> find(String projectId) {
        return jdbc.query("SELECT * FROM project_summary WHERE project_id = ?", ROW, projectId).stream()
                .findFirst();
    }

    private void recountMembers(String projectId) {
        jdbc.update(
                "UPDATE project_summary SET members = (SELECT COUNT(*) FROM project_member m"
                        + " WHERE m.project_id = ? AND m.active) WHERE project_id = ?",
                projectId,
                projectId);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

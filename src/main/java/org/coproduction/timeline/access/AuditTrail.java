package org.coproduction.timeline.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.coproduction.timeline.access.api.AuditEntry;
import org.coproduction.timeline.platform.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who granted, revoked, linked, signed in, exported and imported, and when: kept in the
 * application's database ({@code audit_entry}), so it survives restarts. Never holds a password,
 * token or private text: only names of accounts, projects, members and roles.
 */
@Component
public class AuditTrail {

    /** How many lines one listing answers at most, newest first. */
    public static final int MAX_LISTED = 500;

    private static final String SELECT = "SELECT id, at, actor, action, project_id, subject, detail FROM audit_entry";

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String projectId, String subject, String detail) {
        jdbc.sql("INSERT INTO audit_entry (at, actor, action, project_id, subject, detail) VALUES (?, ?, ?, ?, ?, ?)")
                .params(Utc.of(clock.instant()), actor, action, projectId, cut(subject, 255), cut(detail, 1000))
                .update();
    }

    /** The project's trail, newest first. */
    public List<AuditEntry> ofProject(String projectId) {
        return jdbc.sql(SELECT + " WHERE project_id = ? ORDER BY id DESC FETCH FIRST " + MAX_LISTED + " ROWS ONLY")
                .param(projectId)
                .query(AuditTrail::entry)
                .list();
    }

    /** The whole trail (sign-ins and accounts included), newest first. */
    public List<AuditEntry> all() {
        return jdbc.sql(SELECT + " ORDER BY id DESC FETCH FIRST " + MAX_LISTED + " ROWS ONLY")
                .query(AuditTrail::entry)
                .list();
    }

    private static AuditEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEntry(
                rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

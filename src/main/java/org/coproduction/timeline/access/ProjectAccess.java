package org.coproduction.timeline.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.coproduction.timeline.access.api.Grant;
import org.coproduction.timeline.access.api.ProjectRole;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.platform.Utc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each account's role in each project and the member it is there ({@code project_access}). Every
 * grant, change, link, unlink and revoke goes to the audit trail with who did it.
 */
@Component
public class ProjectAccess {

    private static final String SELECT =
            "SELECT project_id, username, role, member_id, granted_at, granted_by FROM project_access";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    ProjectAccess(JdbcClient jdbc, Accounts accounts, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Whether the event store holds the project (its first event: one lookup in the store's unique
     * (aggregate, sequence) index). The door asks only for a site administrator without a role
     * there, who may know every project that exists, and none that does not.
     */
    public boolean isRegistered(String projectId) {
        return jdbc
                .sql("SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0")
                .param(projectId)
                .query()
                .singleColumn()
                .stream()
                .findAny()
                .isPresent();
    }

    /** The signed-in view of an account: empty when no such account exists (any more). */
    public Optional<SignedIn> signedIn(String username) {
        return accounts.find(username).map(account -> new SignedIn(account, grantsOf(username)));
    }

    /** The account's grants, by project. */
    public Map<String, Grant> grantsOf(String username) {
        Map<String, Grant> grants = new LinkedHashMap<>();
        jdbc.sql(SELECT + " WHERE username = ? ORDER BY project_id")
                .param(username)
                .query(ProjectAccess::grant)
                .list()
                .forEach(grant -> grants.put(grant.projectId(), grant));
        return grants;
    }

    /** Every grant in the project, by username. */
    public List<Grant> ofProject(String projectId) {
        return jdbc.sql(SELECT + " WHERE project_id = ? ORDER BY username")
                .param(projectId)
                .query(ProjectAccess::grant)
                .list();
    }

    /**
     * Gives the account the role in the project, linked to {@code memberId} (or to no member), in
     * place of any grant it had there. Refuses an unknown account (404) and a member already linked
     * to another account (409).
     */
    @Transactional
    public Grant grant(String projectId, String username, ProjectRole role, String memberId, String actor) {
        Objects.requireNonNull(role, "role");
        if (accounts.find(username).isEmpty()) {
            throw RuleViolationException.notFound("username", "there is no account named " + username);
        }
        Optional<Grant> before = find(projectId, username);
        OffsetDateTime now = Utc.of(clock.instant());
        try {
            if (before.isPresent()) {
                jdbc.sql("UPDATE project_access SET role = ?, member_id = ?, granted_at = ?, granted_by = ?"
                                + " WHERE project_id = ? AND username = ?")
                        .params(role.name(), memberId, now, actor, projectId, username)
                        .update();
            } else {
                jdbc.sql("INSERT INTO project_access (project_id, username, role, member_id, granted_at, granted_by)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")
                        .params(projectId, username, role.name(), memberId, now, actor)
                        .update();
            }
        } catch (DuplicateKeyException e) {
            throw RuleViolationException.conflict(
                    "memberId", "member " + memberId + " is already linked to another account in this project");
        }
        if (before.isEmpty() || before.get().role() != role) {
            audit.record(actor, "GRANTED", projectId, username, role.name());
        }
        String memberBefore = before.map(Grant::memberId).orElse(null);
        if (!Objects.equals(memberBefore, memberId)) {
            if (memberBefore != null) {
                audit.record(actor, "UNLINKED", projectId, username, "member " + memberBefore);
            }
            if (memberId != null) {
                audit.record(actor, "LINKED", projectId, username, "member " + memberId);
            }
        }
        return new Grant(projectId, username, role, memberId, now.toInstant(), actor);
    }

    /** Takes the account's role in the project away; answers whether it had one. */
    @Transactional
    public boolean revoke(String projectId, String username, String actor) {
        Optional<Grant> before = find(projectId, username);
        if (before.isEmpty()) {
            return false;
        }
        jdbc.sql("DELETE FROM project_access WHERE project_id = ? AND username = ?")
                .params(projectId, username)
                .update();
        audit.record(actor, "REVOKED", projectId, username, before.get().role().name());
        if (before.get().memberId() != null) {
            audit.record(
                    actor,
                    "UNLINKED",
                    projectId,
                    username,
                    "member " + before.get().memberId());
        }
        return true;
    }

    public Optional<Grant> find(String projectId, String username) {
        return jdbc.sql(SELECT + " WHERE project_id = ? AND username = ?")
                .params(projectId, username)
                .query(ProjectAccess::grant)
                .optional();
    }

    private static Grant grant(ResultSet rs, int row) throws SQLException {
        return new Grant(
                rs.getString(1),
                rs.getString(2),
                ProjectRole.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(),
                rs.getString(6));
    }
}

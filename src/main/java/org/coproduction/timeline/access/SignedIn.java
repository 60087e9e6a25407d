package org.coproduction.timeline.access;

import java.util.Map;
import java.util.Optional;
import org.coproduction.timeline.access.api.Grant;
import org.coproduction.timeline.access.api.ProjectRole;

/**
 * An account as a request sees it, read from the database for that request: its site role and its
 * grant in each project, so a revoked grant takes effect at the next request.
 */
public record SignedIn(Account account, Map<String, Grant> grants) {

    public String username() {
        return account.username();
    }

    public boolean siteAdmin() {
        return account.siteAdmin();
    }

    /** The account's role in the project, if it has one. */
    public Optional<ProjectRole> roleIn(String projectId) {
        Grant grant = grants.get(projectId);
        return grant == null ? Optional.empty() : Optional.of(grant.role());
    }

    /** Whether the account holds {@code needed} (or a role that includes it) in the project. */
    public boolean may(String projectId, ProjectRole needed) {
        return roleIn(projectId).map(role -> role.includes(needed)).orElse(false);
    }

    /** Whether the account may see the project's views: any role there, or the site role ADMIN. */
    public boolean sees(String projectId) {
        return siteAdmin() || grants.containsKey(projectId);
    }

    /** The member of the project this account is ("I", for authorship), if it is linked to one. */
    public Optional<String> memberIn(String projectId) {
        Grant grant = grants.get(projectId);
        return grant == null ? Optional.empty() : Optional.ofNullable(grant.memberId());
    }
}

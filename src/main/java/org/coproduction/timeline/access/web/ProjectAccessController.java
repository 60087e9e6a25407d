package org.coproduction.timeline.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.coproduction.timeline.access.AuditTrail;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.access.ProjectAccess;
import org.coproduction.timeline.access.api.AuditEntry;
import org.coproduction.timeline.access.api.Grant;
import org.coproduction.timeline.access.api.ProjectRole;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.RuleViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A project's accounts: who has which role and is which member, granted by its coordinators. */
@RestController
@Tag(name = "Accounts and access")
class ProjectAccessController {

    private final ProjectAccess access;
    private final AuditTrail audit;
    private final CurrentAccount current;

    ProjectAccessController(ProjectAccess access, AuditTrail audit, CurrentAccount current) {
        this.access = access;
        this.audit = audit;
        this.current = current;
    }

    record GrantRequest(ProjectRole role, String memberId) {}

    @GetMapping("/api/projects/{projectId}/access")
    @Operation(summary = "The project's accounts with their roles and linked members (COORDINATOR or ADMIN)")
    List<Grant> list(@PathVariable String projectId) {
        return access.ofProject(projectId);
    }

    @PutMapping("/api/projects/{projectId}/access/{username}")
    @Operation(
            summary = "Give an existing account a role in the project, optionally linked to one of its members"
                    + " (COORDINATOR or ADMIN)")
    Grant grant(@PathVariable String projectId, @PathVariable String username, @RequestBody GrantRequest r) {
        if (r == null || r.role() == null) {
            throw new InvalidFieldException("role", "is required: one of VIEWER, MEMBER, RECORDER, COORDINATOR");
        }
        String memberId = r.memberId() == null || r.memberId().isBlank() ? null : r.memberId();
        refuseTakingOwnCoordination(projectId, username, r.role());
        return access.grant(projectId, username, r.role(), memberId, current.username());
    }

    @DeleteMapping("/api/projects/{projectId}/access/{username}")
    @Operation(summary = "Revoke an account's role in the project (COORDINATOR or ADMIN)")
    ResponseEntity<Void> revoke(@PathVariable String projectId, @PathVariable String username) {
        refuseTakingOwnCoordination(projectId, username, null);
        if (!access.revoke(projectId, username, current.username())) {
            throw RuleViolationException.notFound("username", username + " has no role in this project");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/projects/{projectId}/access/audit")
    @Operation(
            summary = "The project's audit trail, newest first: grants, revocations, links, exports, imports"
                    + " (COORDINATOR or ADMIN)")
    List<AuditEntry> audit(@PathVariable String projectId) {
        return audit.ofProject(projectId);
    }

    /** The last coordinator cannot leave a project without one by changing or revoking their own grant. */
    private void refuseTakingOwnCoordination(String projectId, String username, ProjectRole newRole) {
        if (newRole == ProjectRole.COORDINATOR) {
            return;
        }
        List<Grant> grants = access.ofProject(projectId);
        boolean wasCoordinator =
                grants.stream().anyMatch(g -> g.username().equals(username) && g.role() == ProjectRole.COORDINATOR);
        long coordinators =
                grants.stream().filter(g -> g.role() == ProjectRole.COORDINATOR).count();
        if (wasCoordinator && coordinators == 1) {
            throw RuleViolationException.conflict(
                    "username", username + " is the project's only coordinator; make someone else coordinator first");
        }
    }
}

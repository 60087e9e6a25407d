package org.coproduction.timeline.access.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Supplier;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.access.ProjectAccess;
import org.coproduction.timeline.access.SignedIn;
import org.coproduction.timeline.access.api.ProjectRole;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * The decisions of the endpoint table ({@link SecurityConfiguration}): each reads the account's site
 * role and its grant in the request's project from the database, once per request. A refusal says
 * why, so the answer can name the role needed, or hide a project the account has no role in (404).
 */
@Component
class AccessDecisions {

    private static final String SIGNED_IN = AccessDecisions.class.getName() + ".signedIn";

    private final CurrentAccount current;
    private final ProjectAccess access;

    AccessDecisions(CurrentAccount current, ProjectAccess access) {
        this.current = current;
        this.access = access;
    }

    /** Refused: the account holds no role in the project, or a role that does not include {@code needed}. */
    static final class ProjectRefusal extends AuthorizationDecision {
        final String projectId;
        final ProjectRole needed;
        final ProjectRole held;

        ProjectRefusal(String projectId, ProjectRole needed, ProjectRole held) {
            super(false);
            this.projectId = projectId;
            this.needed = needed;
            this.held = held;
        }

        /** Whether the account may know that the project exists. */
        boolean visible() {
            return held != null;
        }
    }

    /** Refused: the endpoint needs the site role ADMIN. */
    static final class SiteAdminRefusal extends AuthorizationDecision {
        SiteAdminRefusal() {
            super(false);
        }
    }

    /** Any account that exists. */
    AuthorizationManager<RequestAuthorizationContext> signedIn() {
        return (authentication, context) -> new AuthorizationDecision(
                signedIn(authentication, context.getRequest()).isPresent());
    }

    /** The site role ADMIN. */
    AuthorizationManager<RequestAuthorizationContext> siteAdmin() {
        return (authentication, context) -> {
            Optional<SignedIn> account = signedIn(authentication, context.getRequest());
            if (account.isEmpty()) {
                return new AuthorizationDecision(false);
            }
            return account.get().siteAdmin() ? new AuthorizationDecision(true) : new SiteAdminRefusal();
        };
    }

    /** {@code needed} (or a role including it) in the project of the path's {projectId}. */
    AuthorizationManager<RequestAuthorizationContext> inProject(ProjectRole needed) {
        return inProject(needed, false);
    }

    /**
     * {@code needed} in the project, or the site role ADMIN: an administrator sees every project as a
     * viewer would, and manages its access.
     */
    AuthorizationManager<RequestAuthorizationContext> inProjectOrSiteAdmin(ProjectRole needed) {
        return inProject(needed, true);
    }

    private AuthorizationManager<RequestAuthorizationContext> inProject(ProjectRole needed, boolean admin) {
        return (authentication, context) -> {
            Optional<SignedIn> account = signedIn(authentication, context.getRequest());
            if (account.isEmpty()) {
                return new AuthorizationDecision(false);
            }
            String projectId = context.getVariables().get("projectId");
            if (admin && account.get().siteAdmin()) {
                return new AuthorizationDecision(true);
            }
            if (account.get().may(projectId, needed)) {
                return new AuthorizationDecision(true);
            }
            ProjectRole held = account.get().roleIn(projectId).orElse(null);
            if (held == null && account.get().siteAdmin() && access.isRegistered(projectId)) {
                // An administrator sees every project as a viewer would; it just lacks the role.
                held = ProjectRole.VIEWER;
            }
            return new ProjectRefusal(projectId, needed, held);
        };
    }

    private Optional<SignedIn> signedIn(Supplier<Authentication> authentication, HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Optional<SignedIn> known = (Optional<SignedIn>) request.getAttribute(SIGNED_IN);
        if (known == null) {
            known = current.of(authentication.get());
            request.setAttribute(SIGNED_IN, known);
        }
        return known;
    }
}

package org.coproduction.timeline.access.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * What the door answers, as RFC 9457 problems like every other refusal ({@link ProblemDetail}, written
 * by the application's own mapper): 401 for the API when no one
 * is signed in (a page is sent to the login page instead, and back after), 403 naming the role
 * needed, and 404 for a project the account has no role in, worded as for a project that does not
 * exist, so the answer does not reveal that it does.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String LOGIN_PAGE = "/login.html";

    private final ObjectMapper json;
    private final LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE);

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /** A page (HTML) rather than the API: pages go to the login page when no one is signed in. */
    static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/") || path.endsWith(".html") || path.startsWith("/swagger-ui");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if (isPage(request) && request.getHeader("Authorization") == null) {
            loginPage.commence(request, response, e);
            return;
        }
        // Bearer, not Basic: a browser answers a Basic challenge with its own password dialog.
        response.setHeader("WWW-Authenticate", "Bearer realm=\"Coproduction Timeline\"");
        write(
                response,
                request,
                HttpStatus.UNAUTHORIZED,
                "Not signed in",
                "sign in first: a session from the login page, HTTP Basic, or a personal access token"
                        + " (Authorization: Bearer)",
                Map.of());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, jakarta.servlet.ServletException {
        if (e instanceof CsrfException && !signedIn()) {
            // Checked before anyone is signed in: a script without credentials is told to sign in.
            commence(request, response, new InsufficientAuthenticationException("not signed in"));
            return;
        }
        if (e instanceof CsrfException) {
            write(
                    response,
                    request,
                    HttpStatus.FORBIDDEN,
                    "Forbidden",
                    "the request carried no valid CSRF token; reload the page and try again",
                    Map.of());
            return;
        }
        AuthorizationResult result =
                e instanceof AuthorizationDeniedException denied ? denied.getAuthorizationResult() : null;
        if (result instanceof AccessDecisions.ProjectRefusal refusal) {
            if (!refusal.visible()) {
                write(
                        response,
                        request,
                        HttpStatus.NOT_FOUND,
                        "Not found",
                        "project " + refusal.projectId + " is not registered",
                        Map.of("field", "projectId"));
                return;
            }
            write(
                    response,
                    request,
                    HttpStatus.FORBIDDEN,
                    "Forbidden",
                    "this needs the role " + refusal.needed + " in project " + refusal.projectId
                            + (refusal.held == null ? "" : "; you are " + refusal.held),
                    Map.of("requiredRole", refusal.needed.name()));
            return;
        }
        if (result instanceof AccessDecisions.SiteAdminRefusal) {
            write(
                    response,
                    request,
                    HttpStatus.FORBIDDEN,
                    "Forbidden",
                    "this needs the site role ADMIN",
                    Map.of("requiredRole", "ADMIN"));
            return;
        }
        write(response, request, HttpStatus.FORBIDDEN, "Forbidden", "this account may not do this", Map.of());
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private void write(
            HttpServletResponse response,
            HttpServletRequest request,
            HttpStatus status,
            String title,
            String detail,
            Map<String, Object> extra)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        extra.forEach(problem::setProperty);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}

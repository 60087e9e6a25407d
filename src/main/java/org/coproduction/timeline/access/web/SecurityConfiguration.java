package org.coproduction.timeline.access.web;

import static org.coproduction.timeline.access.api.ProjectRole.COORDINATOR;
import static org.coproduction.timeline.access.api.ProjectRole.MEMBER;
import static org.coproduction.timeline.access.api.ProjectRole.RECORDER;
import static org.coproduction.timeline.access.api.ProjectRole.VIEWER;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.coproduction.timeline.access.AccessTokens;
import org.coproduction.timeline.access.Accounts;
import org.coproduction.timeline.access.AuditTrail;
import org.coproduction.timeline.access.SignInThrottle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The door, and the table of who may use which endpoint. Everything is refused unless a line below
 * allows it ({@code anyRequest().denyAll()}); {@code EndpointAccessTest} holds every operation of
 * the OpenAPI document against the same table, so an endpoint added without a line fails it.
 *
 * <p>Sign-in: the login page (a session cookie; CSRF protection on every request that changes
 * something, the token in the {@code XSRF-TOKEN} cookie that the pages send back as {@code
 * X-XSRF-TOKEN}), HTTP Basic and personal access tokens for scripts (no session, no CSRF: a browser
 * never adds these headers by itself), and OpenID Connect when a client registration is configured
 * ({@code spring.security.oauth2.client.registration.*}, docs/deploy.md). docs/security.md tables
 * the roles.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /** Without unsafe-inline scripts; the report's own frame is also sandboxed by the Report page. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'"
            + " 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'self'";

    private static final String PROJECT = "/api/projects/{projectId}";

    @Bean
    SecurityFilterChain filterChain(
            HttpSecurity http,
            AccessDecisions decide,
            ProblemResponses problems,
            Accounts accounts,
            AccessTokens tokens,
            AuditTrail audit,
            ObjectProvider<ClientRegistrationRepository> oidc)
            throws Exception {
        http.authorizeHttpRequests(endpoints -> endpoints
                        // The login page, its assets (no data in them) and the health probe.
                        .requestMatchers(GET, "/login.html", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers(GET, "/api/sign-in/options")
                        .permitAll()
                        .requestMatchers(GET, "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        // The site administrator.
                        .requestMatchers("/actuator/**")
                        .access(decide.siteAdmin())
                        .requestMatchers("/api/admin/**")
                        .access(decide.siteAdmin())
                        .requestMatchers(GET, "/api/accounts", "/api/audit")
                        .access(decide.siteAdmin())
                        .requestMatchers(POST, "/api/accounts")
                        .access(decide.siteAdmin())
                        // Any signed-in account: who am I, my tokens, my projects, a new project, an import
                        // (which checks each project it touches: see ImportAccess).
                        .requestMatchers(GET, "/api/me", "/api/me/tokens")
                        .access(decide.signedIn())
                        .requestMatchers(POST, "/api/me/tokens")
                        .access(decide.signedIn())
                        .requestMatchers(DELETE, "/api/me/tokens/*")
                        .access(decide.signedIn())
                        .requestMatchers(GET, "/api/projects")
                        .access(decide.signedIn())
                        .requestMatchers(POST, "/api/projects", "/api/import")
                        .access(decide.signedIn())
                        // A project's coordinators (and the site administrator): its access and audit trail.
                        .requestMatchers(GET, PROJECT + "/access", PROJECT + "/access/audit")
                        .access(decide.inProjectOrSiteAdmin(COORDINATOR))
                        .requestMatchers(PUT, PROJECT + "/access/*")
                        .access(decide.inProjectOrSiteAdmin(COORDINATOR))
                        .requestMatchers(DELETE, PROJECT + "/access/*")
                        .access(decide.inProjectOrSiteAdmin(COORDINATOR))
                        // Coordinators: the team, phases, closing, and the export (a whole copy of the record).
                        .requestMatchers(GET, PROJECT + "/events")
                        .access(decide.inProject(COORDINATOR))
                        .requestMatchers(
                                POST,
                                PROJECT + "/phases",
                                PROJECT + "/closure",
                                PROJECT + "/members",
                                PROJECT + "/members/*/role",
                                PROJECT + "/members/*/departure")
                        .access(decide.inProject(COORDINATOR))
                        // Recorders: meetings and turns, decisions, influences, interviews, corrections.
                        .requestMatchers(
                                POST,
                                PROJECT + "/meetings",
                                PROJECT + "/meetings/*/contributions",
                                PROJECT + "/meetings/*/transcript",
                                PROJECT + "/meetings/*/transcript/speakers",
                                PROJECT + "/turns/*/coding",
                                PROJECT + "/contributions/*/retraction",
                                PROJECT + "/decisions",
                                PROJECT + "/decisions/*/influences",
                                PROJECT + "/decisions/*/influences/*/retraction",
                                PROJECT + "/decisions/*/outcome",
                                PROJECT + "/decisions/*/revisions",
                                PROJECT + "/interviews")
                        .access(decide.inProject(RECORDER))
                        // Members: their own reflections, coding reflections and passages of texts, the report's
                        // GRIPP2 answers they write, the codebook (changed in their name), and their own consent
                        // (the adapter checks "own").
                        .requestMatchers(
                                POST,
                                PROJECT + "/reflections",
                                PROJECT + "/reflections/*/codes",
                                PROJECT + "/reflections/*/passages",
                                PROJECT + "/interviews/*/passages",
                                PROJECT + "/report/items/*",
                                PROJECT + "/codebook/codes",
                                PROJECT + "/codebook/revisions",
                                PROJECT + "/codebook/merges",
                                PROJECT + "/codebook/retirements",
                                PROJECT + "/codebook.qdc",
                                PROJECT + "/members/*/consent-withdrawal")
                        .access(decide.inProject(MEMBER))
                        // The project's own people (any role; the site administrator only if one of them):
                        // its texts for qualitative analysis tools, a bulk export of people's words.
                        .requestMatchers(GET, PROJECT + "/export.qdpx")
                        .access(decide.inProject(VIEWER))
                        // Viewers (and the site administrator): the project's views and reports, each named.
                        .requestMatchers(
                                GET,
                                PROJECT,
                                PROJECT + "/timeline",
                                PROJECT + "/meetings/*/transcript",
                                PROJECT + "/replay",
                                PROJECT + "/replay/stream",
                                PROJECT + "/decisions",
                                PROJECT + "/decisions/*/influencers",
                                PROJECT + "/decisions/*/provenance",
                                PROJECT + "/influence",
                                PROJECT + "/participation",
                                PROJECT + "/members/*/trajectory",
                                PROJECT + "/codebook",
                                PROJECT + "/codebook.qdc",
                                PROJECT + "/texts",
                                PROJECT + "/report")
                        .access(decide.inProjectOrSiteAdmin(VIEWER))
                        // The pages and the API's documentation, for any signed-in account.
                        .requestMatchers(
                                GET,
                                "/",
                                "/*.html",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**")
                        .access(decide.signedIn())
                        .anyRequest()
                        .denyAll())
                .formLogin(login -> login.loginPage(ProblemResponses.LOGIN_PAGE)
                        .loginProcessingUrl("/login")
                        .successHandler(signedIn(audit))
                        .failureHandler(SecurityConfiguration::signInFailed))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .oauth2ResourceServer(
                        resource -> resource.opaqueToken(opaque -> opaque.introspector(new TokenIntrospector(tokens)))
                                .authenticationEntryPoint(problems)
                                .accessDeniedHandler(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new EagerCsrfToken())
                        // Basic and Bearer requests carry their credentials in a header no browser adds
                        // by itself (the 401 never offers Basic, so no browser remembers one).
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage(ProblemResponses.LOGIN_PAGE)
                    .successHandler(signedIn(audit))
                    .failureHandler(SecurityConfiguration::signInFailed)
                    .userInfoEndpoint(user -> user.oidcUserService(new OidcAccounts(accounts))));
        }
        return http.build();
    }

    /**
     * Checks the login page's and HTTP Basic's passwords against the accounts' stored hashes. The
     * only authentication provider bean, so Spring Boot creates no default user (whose generated
     * password it would log).
     */
    @Bean
    VerifiedPasswords verifiedPasswords(Accounts accounts, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        UserDetailsService stored = username -> accounts.passwordHashOf(username)
                .map(hash -> User.withUsername(username).password(hash).build())
                .orElseThrow(() -> new UsernameNotFoundException("no account with a password"));
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(stored);
        provider.setPasswordEncoder(passwordEncoder);
        return new VerifiedPasswords(provider, throttle);
    }

    /** Back to the page the person was on (or the projects), with the sign-in in the audit trail. */
    private static SavedRequestAwareAuthenticationSuccessHandler signedIn(AuditTrail audit) {
        SavedRequestAwareAuthenticationSuccessHandler back = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws jakarta.servlet.ServletException, IOException {
                audit.record(authentication.getName(), "SIGNED_IN", null, authentication.getName(), null);
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        back.setDefaultTargetUrl("/index.html");
        return back;
    }

    private static void signInFailed(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String reason = e instanceof LockedException ? "slowed" : "failed";
        response.sendRedirect(request.getContextPath() + ProblemResponses.LOGIN_PAGE + "?error=" + reason);
    }

    /**
     * The CSRF token is loaded on every request from a browser, so its cookie is always there for the
     * pages' script to send back, and read as sent (the pages put no token in HTML, so it needs no
     * masking). A request with an Authorization header (a script) needs none, and gets no cookie.
     */
    static final class EagerCsrfToken extends CsrfTokenRequestAttributeHandler {
        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            super.handle(request, response, token);
            if (request.getHeader("Authorization") == null) {
                token.get().getToken();
            }
        }
    }
}

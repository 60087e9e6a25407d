package org.coproduction.timeline.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.access.AccessTokens;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.access.SignedIn;
import org.coproduction.timeline.access.api.ProjectRole;
import org.coproduction.timeline.api.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in, their roles, and their personal access tokens. */
@RestController
@Tag(name = "Accounts and access")
class MeController {

    private final CurrentAccount current;
    private final AccessTokens tokens;

    MeController(CurrentAccount current, AccessTokens tokens) {
        this.current = current;
        this.tokens = tokens;
    }

    record ProjectAccessView(String projectId, ProjectRole role, String memberId) {}

    record Me(String username, String displayName, List<String> siteRoles, List<ProjectAccessView> projects) {}

    record NewToken(String name) {}

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in account: its site roles and its role (and member) in each project")
    Me me() {
        SignedIn me = signedIn();
        return new Me(
                me.username(),
                me.account().displayName(),
                me.siteAdmin() ? List.of("ADMIN") : List.of(),
                me.grants().values().stream()
                        .map(g -> new ProjectAccessView(g.projectId(), g.role(), g.memberId()))
                        .toList());
    }

    @GetMapping("/api/me/tokens")
    @Operation(summary = "The signed-in account's personal access tokens (names and dates; never the tokens)")
    List<AccessTokens.TokenInfo> tokens() {
        return tokens.of(signedIn().username());
    }

    @PostMapping("/api/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a personal access token: shown in this answer once, kept only as a hash",
            description = "Send it as 'Authorization: Bearer <token>'.")
    Map<String, String> create(@RequestBody NewToken r) {
        String name = r == null ? null : r.name();
        return Map.of(
                "name", String.valueOf(name), "token", tokens.create(signedIn().username(), name));
    }

    @DeleteMapping("/api/me/tokens/{name}")
    @Operation(summary = "Revoke one of the signed-in account's tokens")
    ResponseEntity<Void> revoke(@PathVariable String name) {
        if (!tokens.revoke(signedIn().username(), name)) {
            throw RuleViolationException.notFound("name", "you have no token named " + name);
        }
        return ResponseEntity.noContent().build();
    }

    private SignedIn signedIn() {
        return current.get().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }
}

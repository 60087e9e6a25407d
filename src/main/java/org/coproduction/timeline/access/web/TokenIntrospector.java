package org.coproduction.timeline.access.web;

import java.util.List;
import java.util.Map;
import org.coproduction.timeline.access.AccessTokens;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/** A personal access token ({@code Authorization: Bearer ctt_...}) to the account that owns it. */
class TokenIntrospector implements OpaqueTokenIntrospector {

    private final AccessTokens tokens;

    TokenIntrospector(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        return tokens.owner(token)
                .map(username -> new DefaultOAuth2AuthenticatedPrincipal(username, Map.of("sub", username), List.of()))
                .orElseThrow(() -> new BadOpaqueTokenException("the token is unknown or was revoked"));
    }
}

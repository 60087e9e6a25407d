package org.coproduction.timeline.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coproduction.timeline.access.Account;
import org.coproduction.timeline.access.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A person signing in through the university's identity provider becomes the account with their e-mail address. */
class OidcAccountsTest {

    final Accounts accounts = mock(Accounts.class);
    final OidcAccounts oidc = new OidcAccounts(accounts);

    static OidcUser fromProvider(Map<String, Object> claims) {
        OidcIdToken token = new OidcIdToken(
                "id-token", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T01:00:00Z"), claims);
        return new DefaultOidcUser(List.of(), token);
    }

    @Test
    void theSignedInNameIsTheUsernameOfTheAccountWithThatEmailAddress() {
        given(accounts.findByEmail("Ann.Archer@uni.example"))
                .willReturn(
                        Optional.of(new Account("ann", "Ann Archer", "ann.archer@uni.example", false, Instant.EPOCH)));

        OidcUser user = oidc.asAccount(
                fromProvider(Map.of("sub", "f81d4fae", "email", "Ann.Archer@uni.example", "email_verified", true)));

        assertThat(user.getName()).isEqualTo("ann");
    }

    @Test
    void anAddressNoAccountHasIsRefused() {
        given(accounts.findByEmail("stranger@uni.example")).willReturn(Optional.empty());

        assertThatThrownBy(() -> oidc.asAccount(fromProvider(Map.of("sub", "x", "email", "stranger@uni.example"))))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("no account");
    }

    @Test
    void anUnverifiedOrMissingAddressIsRefused() {
        assertThatThrownBy(() -> oidc.asAccount(
                        fromProvider(Map.of("sub", "x", "email", "ann.archer@uni.example", "email_verified", false))))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> oidc.asAccount(fromProvider(Map.of("sub", "x"))))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }
}

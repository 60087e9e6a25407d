package org.coproduction.timeline.access.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.access.Account;
import org.coproduction.timeline.access.Accounts;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Signing in through a university's identity provider (OpenID Connect): the person is matched to an
 * existing account by e-mail address. No account is created: an administrator creates it first,
 * with that address. The signed-in name is the account's username.
 */
class OidcAccounts extends OidcUserService {

    static final String USERNAME_CLAIM = "coproduction_timeline_username";

    private final Accounts accounts;

    OidcAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        return asAccount(super.loadUser(request));
    }

    /** The provider's user as the account with its e-mail address; refused when there is none. */
    OidcUser asAccount(OidcUser user) {
        String email = user.getEmail();
        if (email == null || Boolean.FALSE.equals(user.getEmailVerified())) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error("no_email"), "the identity provider gave no verified e-mail address");
        }
        Account account = accounts.findByEmail(email)
                .orElseThrow(() -> new OAuth2AuthenticationException(
                        new OAuth2Error("no_account"), "no account has this e-mail address; ask an administrator"));
        Map<String, Object> claims = new HashMap<>(
                user.getUserInfo() == null ? Map.of() : user.getUserInfo().getClaims());
        claims.put(USERNAME_CLAIM, account.username());
        return new DefaultOidcUser(List.of(), user.getIdToken(), new OidcUserInfo(claims), USERNAME_CLAIM);
    }
}

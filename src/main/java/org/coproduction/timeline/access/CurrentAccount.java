package org.coproduction.timeline.access;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who the current request is signed in as, read afresh from the database. */
@Component
public class CurrentAccount {

    private final ProjectAccess access;

    CurrentAccount(ProjectAccess access) {
        this.access = access;
    }

    /** The signed-in account; empty for an anonymous request or an account that no longer exists. */
    public Optional<SignedIn> get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public Optional<SignedIn> of(Authentication authentication) {
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return access.signedIn(authentication.getName());
    }

    /** The signed-in account's username, for the audit trail; null for none. */
    public String username() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                ? null
                : authentication.getName();
    }
}

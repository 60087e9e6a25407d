package org.coproduction.timeline.access.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.coproduction.timeline.access.SignInThrottle;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a username and password (the login page and HTTP Basic) against the stored bcrypt hash,
 * slowed down by {@link SignInThrottle} after repeated failures. A script sending HTTP Basic on every
 * request would pay a bcrypt hash (tens of milliseconds) each time, so a password verified in the
 * last five minutes is remembered, as an HMAC under a key that lives only in this process's
 * memory, and a request with the same password costs one HMAC instead. Only successes are kept: a
 * wrong password always costs the full hash.
 */
class VerifiedPasswords implements AuthenticationProvider {

    private final DaoAuthenticationProvider stored;
    private final SignInThrottle throttle;
    private final SecretKeySpec key;
    private final Cache<String, byte[]> verified = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5))
            .maximumSize(10_000)
            .build();

    VerifiedPasswords(DaoAuthenticationProvider stored, SignInThrottle throttle) {
        this.stored = stored;
        this.throttle = throttle;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || !(credentials instanceof String password)) {
            throw new BadCredentialsException("no username or password");
        }
        Duration wait = throttle.waitFor(username);
        if (!wait.isZero()) {
            throw new LockedException(
                    "too many failed sign-ins for this account; try again in " + Math.max(1, wait.toSeconds()) + " s");
        }
        byte[] mac = mac(username, password);
        byte[] known = verified.getIfPresent(username);
        if (known != null && MessageDigest.isEqual(known, mac)) {
            return signedIn(username, authentication);
        }
        try {
            stored.authenticate(authentication);
        } catch (BadCredentialsException e) {
            throttle.failed(username, from(authentication));
            throw e;
        }
        throttle.succeeded(username);
        verified.put(username, mac);
        return signedIn(username, authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The authenticated form: the username, no credentials kept, no authorities (read per request). */
    private static Authentication signedIn(String username, Authentication request) {
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.authenticated(username, null, List.of());
        token.setDetails(request.getDetails());
        return token;
    }

    private static String from(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "an unknown address";
    }

    private byte[] mac(String username, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(username.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}

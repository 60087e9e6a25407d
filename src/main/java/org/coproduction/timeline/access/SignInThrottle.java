package org.coproduction.timeline.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down repeated failed sign-ins for one account: after {@value #FREE_FAILURES} failures in a
 * row, each further try must wait a delay that doubles with every failure, up to {@value
 * #MAX_DELAY_SECONDS} seconds. A success clears the count, and so do 15 minutes without a failure.
 * Every failure is logged with the account's name (only for an account that exists, since what is
 * typed into the name field is sometimes a password) and never with the password. Kept per
 * instance, in memory.
 */
@Component
public class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final long MAX_DELAY_SECONDS = 300;

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private record Failures(int count, Instant last) {}

    private final Cache<String, Failures> failures = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(15))
            .maximumSize(100_000)
            .build();
    private final Clock clock;
    private final Accounts accounts;

    SignInThrottle(Clock clock, Accounts accounts) {
        this.clock = clock;
        this.accounts = accounts;
    }

    /** How long the account must still wait before its next try; zero when it may try now. */
    public Duration waitFor(String username) {
        Failures f = username == null ? null : failures.getIfPresent(username);
        if (f == null || f.count() < FREE_FAILURES) {
            return Duration.ZERO;
        }
        Duration remaining = Duration.between(clock.instant(), f.last().plus(delayAfter(f.count())));
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    public void failed(String username, String from) {
        if (username == null) {
            return;
        }
        Failures f = failures.asMap()
                .merge(
                        username,
                        new Failures(1, clock.instant()),
                        (before, one) -> new Failures(before.count() + 1, one.last()));
        if (accounts.find(username).isPresent()) {
            log.warn(
                    "Sign-in failed for account '{}' from {} ({} in a row{})",
                    username,
                    from,
                    f.count(),
                    f.count() >= FREE_FAILURES
                            ? "; the next try must wait "
                                    + delayAfter(f.count()).toSeconds() + " s"
                            : "");
        } else {
            log.warn("Sign-in failed for an unknown account from {}", from);
        }
    }

    public void succeeded(String username) {
        failures.invalidate(username);
    }

    static Duration delayAfter(int count) {
        int doublings = Math.min(count - FREE_FAILURES, 20);
        return Duration.ofSeconds(Math.min(1L << doublings, MAX_DELAY_SECONDS));
    }
}

package org.coproduction.timeline.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.platform.Utc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Personal access tokens, for scripts and {@code curl} ({@code Authorization: Bearer}): 32 random
 * bytes, shown once when created; only their SHA-256 is kept ({@code access_token}). A token holds
 * 256 random bits, so a fast hash suffices to keep a stolen table useless, and checking one costs a
 * lookup, not a password hash.
 */
@Component
public class AccessTokens {

    /** What every token starts with, so a leaked one is recognisable (secret scanners, logs). */
    public static final String PREFIX = "ctt_";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    AccessTokens(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** A token's name and when it was made; the token itself is never listed. */
    public record TokenInfo(String name, Instant createdAt) {}

    /** Creates a token for the account and answers it: the only time it is ever shown. */
    public String create(String username, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidFieldException(
                    "name", "must be 1 to 100 letters, digits, spaces, dots, underscores or hyphens");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = Utc.of(clock.instant());
        try {
            jdbc.sql("INSERT INTO access_token (token_hash, username, name, created_at) VALUES (?, ?, ?, ?)")
                    .params(hash(token), username, name, now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw RuleViolationException.conflict("name", "you already have a token named " + name);
        }
        audit.record(username, "TOKEN_CREATED", null, username, name);
        return token;
    }

    public List<TokenInfo> of(String username) {
        return jdbc.sql("SELECT name, created_at FROM access_token WHERE username = ? ORDER BY name")
                .param(username)
                .query((rs, row) -> new TokenInfo(
                        rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Revokes the account's token of that name; answers whether there was one. */
    public boolean revoke(String username, String name) {
        boolean revoked = jdbc.sql("DELETE FROM access_token WHERE username = ? AND name = ?")
                        .params(username, name)
                        .update()
                > 0;
        if (revoked) {
            audit.record(username, "TOKEN_REVOKED", null, username, name);
        }
        return revoked;
    }

    /** The account a token belongs to; empty for a token that is unknown or revoked. */
    public Optional<String> owner(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT username FROM access_token WHERE token_hash = ?")
                .param(hash(token))
                .query(String.class)
                .optional();
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

package org.coproduction.timeline.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.platform.Utc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts in the application's database ({@code account}). Passwords are kept as Spring
 * Security's delegating encoder writes them ({@code {bcrypt}...}) and are never read back out of
 * this class except as that hash, to check a sign-in.
 */
@Component
public class Accounts {

    /** Letters, digits, dot, underscore, hyphen and @; starting with a letter or digit. */
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private static final String SELECT = "SELECT username, display_name, email, site_admin, created_at FROM account";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AuditTrail audit;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.audit = audit;
    }

    /** Whether any account exists: the first start creates the first ones. */
    public boolean any() {
        return jdbc.sql("SELECT 1 FROM account FETCH FIRST 1 ROWS ONLY").query().singleColumn().stream()
                .findAny()
                .isPresent();
    }

    /**
     * Creates an account. A password is required unless the account signs in through OpenID Connect
     * only ({@code password} null). Refuses a taken username or e-mail (409) and invalid fields (400).
     */
    @Transactional
    public Account create(
            String username, String password, String displayName, String email, boolean siteAdmin, String actor) {
        String normalisedEmail = validated(username, displayName, email);
        String hash = password == null ? null : passwords.encode(checkedPassword(password));
        return insert(username, hash, displayName, normalisedEmail, siteAdmin, actor);
    }

    /** Someone to make an account for, by username and the name shown. */
    public record NewAccount(String username, String displayName) {}

    /**
     * Creates accounts that share one password (the demo's members on a first start), hashing it
     * once for all of them rather than once each: a bcrypt hash costs tens of milliseconds.
     */
    @Transactional
    public List<Account> createSharingPassword(List<NewAccount> people, String password, String actor) {
        if (people.isEmpty()) {
            return List.of();
        }
        people.forEach(person -> validated(person.username(), person.displayName(), null));
        String hash = passwords.encode(checkedPassword(password));
        return people.stream()
                .map(person -> insert(person.username(), hash, person.displayName(), null, false, actor))
                .toList();
    }

    /** Checks the fields an account is made of (400 on the first wrong one); answers the e-mail normalised. */
    private static String validated(String username, String displayName, String email) {
        requireUsername(username);
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidFieldException("displayName", "is required");
        }
        if (displayName.length() > 200) {
            throw new InvalidFieldException("displayName", "is longer than 200 characters");
        }
        return normaliseEmail(email);
    }

    private Account insert(
            String username, String hash, String displayName, String normalisedEmail, boolean siteAdmin, String actor) {
        if (find(username).isPresent()) {
            throw RuleViolationException.conflict("username", "an account named " + username + " already exists");
        }
        if (normalisedEmail != null && findByEmail(normalisedEmail).isPresent()) {
            throw RuleViolationException.conflict("email", "another account has this e-mail address");
        }
        OffsetDateTime now = Utc.of(clock.instant());
        try {
            jdbc.sql("INSERT INTO account (username, display_name, email, password_hash, site_admin, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(username, displayName.strip(), normalisedEmail, hash, siteAdmin, now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw RuleViolationException.conflict("username", "an account named " + username + " already exists");
        }
        audit.record(actor, "ACCOUNT_CREATED", null, username, siteAdmin ? "site role ADMIN" : null);
        return new Account(username, displayName.strip(), normalisedEmail, siteAdmin, now.toInstant());
    }

    public Optional<Account> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE username = ?")
                .param(username)
                .query(Accounts::account)
                .optional();
    }

    /** The account with this e-mail address (compared without case), for OpenID Connect sign-in. */
    public Optional<Account> findByEmail(String email) {
        String normalised = normaliseEmail(email);
        if (normalised == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE email = ?")
                .param(normalised)
                .query(Accounts::account)
                .optional();
    }

    public List<Account> all() {
        return jdbc.sql(SELECT + " ORDER BY username").query(Accounts::account).list();
    }

    /**
     * The stored hash of the account's password, to check a sign-in; empty for an unknown account or
     * one that signs in through OpenID Connect only.
     */
    public Optional<String> passwordHashOf(String username) {
        return jdbc.sql("SELECT password_hash FROM account WHERE username = ? AND password_hash IS NOT NULL")
                .param(username)
                .query(String.class)
                .optional();
    }

    static void requireUsername(String username) {
        if (username == null || username.isBlank()) {
            throw new InvalidFieldException("username", "is required");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidFieldException(
                    "username",
                    "must be 1 to 64 letters, digits, dots, underscores, hyphens or @, starting with a letter or digit");
        }
    }

    private static String checkedPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidFieldException("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 72) {
            // bcrypt reads 72 bytes at most: a longer password would be silently cut.
            throw new InvalidFieldException("password", "must be at most 72 characters");
        }
        return password;
    }

    private static String normaliseEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String trimmed = email.strip().toLowerCase(Locale.ROOT);
        if (trimmed.length() > 320 || !EMAIL.matcher(trimmed).matches()) {
            throw new InvalidFieldException("email", "is not an e-mail address");
        }
        return trimmed;
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getBoolean(4),
                rs.getObject(5, OffsetDateTime.class).toInstant());
    }
}

package org.coproduction.timeline.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.coproduction.timeline.access.api.ProjectRole;
import org.coproduction.timeline.platform.OwnerOnlyFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first start's accounts. On a store with no accounts it creates one site administrator:
 * {@code timeline.security.bootstrap-admin=NAME:PASSWORD} names it (nothing is written to a file);
 * otherwise it is {@code admin} with a generated password written to {@code
 * <data-dir>/initial-admin-password}, readable by its owner only, and the log says where. When the
 * demo study is loaded in the same start, each of its members gets an account too (see {@link
 * #demoLoaded}), with the same password, so a newcomer can sign in as two people and compare.
 * Only the server does this: the command-line tools (import, export, report) need no account.
 */
@Component
@Order(0)
@ConditionalOnWebApplication
public class AccessBootstrap implements ApplicationRunner {

    public static final String INITIAL_ADMIN = "admin";
    public static final String PASSWORD_FILE = "initial-admin-password";

    private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);
    /** No 0/O, 1/l/I: the password is read off a file and typed. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Accounts accounts;
    private final ProjectAccess access;
    private final String bootstrapAdmin;
    private final Path dataDir;
    private final SecureRandom random = new SecureRandom();

    /** The first accounts' password, while this start created them; null otherwise. */
    private volatile String firstPassword;

    private volatile String adminName;

    AccessBootstrap(
            Accounts accounts,
            ProjectAccess access,
            @Value("${timeline.security.bootstrap-admin:}") String bootstrapAdmin,
            @Value("${timeline.data-dir}") Path dataDir) {
        this.accounts = accounts;
        this.access = access;
        this.bootstrapAdmin = bootstrapAdmin;
        this.dataDir = dataDir;
    }

    @Override
    public void run(ApplicationArguments args) {
        createFirstAdmin();
    }

    /** Creates the site administrator when there is no account at all. */
    private synchronized void createFirstAdmin() {
        if (accounts.any()) {
            return;
        }
        if (!bootstrapAdmin.isBlank()) {
            int colon = bootstrapAdmin.indexOf(':');
            if (colon < 1 || colon == bootstrapAdmin.length() - 1) {
                throw new IllegalStateException("timeline.security.bootstrap-admin must be NAME:PASSWORD");
            }
            adminName = bootstrapAdmin.substring(0, colon);
            firstPassword = bootstrapAdmin.substring(colon + 1);
            accounts.create(adminName, firstPassword, "Administrator", null, true, null);
            log.info(
                    "No accounts yet: created the site administrator '{}' from timeline.security.bootstrap-admin",
                    adminName);
            return;
        }
        adminName = INITIAL_ADMIN;
        firstPassword = generatePassword();
        accounts.create(adminName, firstPassword, "Administrator", null, true, null);
        Path file = writePasswordFile(firstPassword);
        log.info(
                "No accounts yet: created the site administrator '{}'. Its password is in {} (readable by this"
                        + " user only); sign in with it, keep it somewhere safe, then delete the file.",
                adminName,
                file.toAbsolutePath().normalize());
    }

    /** A demo member who gets an account: the member's id is the username. */
    public record DemoMember(String memberId, String name, boolean coordinator) {}

    /**
     * Gives each demo member an account linked to them in the demo project ({@code MEMBER}, or
     * {@code COORDINATOR} for the one who leads it), with the first accounts' password; only when
     * this start created the first accounts, since no other password is known. Answers the usernames
     * created.
     */
    public synchronized List<String> demoLoaded(String projectId, List<DemoMember> members) {
        if (firstPassword == null) {
            log.info("The demo study's members get no accounts: accounts existed before this start");
            return List.of();
        }
        List<DemoMember> newcomers = members.stream()
                .filter(member -> Accounts.USERNAME.matcher(member.memberId()).matches())
                .filter(member -> accounts.find(member.memberId()).isEmpty())
                .toList();
        accounts.createSharingPassword(
                newcomers.stream()
                        .map(member -> new Accounts.NewAccount(member.memberId(), member.name()))
                        .toList(),
                firstPassword,
                null);
        for (DemoMember member : newcomers) {
            access.grant(
                    projectId,
                    member.memberId(),
                    member.coordinator() ? ProjectRole.COORDINATOR : ProjectRole.MEMBER,
                    member.memberId(),
                    null);
        }
        return newcomers.stream().map(DemoMember::memberId).toList();
    }

    /** Where the generated password was written, if this start wrote one. */
    public Optional<Path> passwordFile() {
        Path file = dataDir.resolve(PASSWORD_FILE);
        return bootstrapAdmin.isBlank() && Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    /** The site administrator created by this start, if any. */
    public Optional<String> createdAdmin() {
        return Optional.ofNullable(adminName);
    }

    private String generatePassword() {
        StringBuilder password = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < 5; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return password.toString();
    }

    private Path writePasswordFile(String password) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        try {
            OwnerOnlyFile.write(file, password + System.lineSeparator());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the first password to " + file, e);
        }
    }
}

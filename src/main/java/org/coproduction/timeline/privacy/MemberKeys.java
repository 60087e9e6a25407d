package org.coproduction.timeline.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.coproduction.timeline.platform.Utc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One AEAD key per member of a project ({@code member_key}), generated the first time the member's
 * personal text is written, stored encrypted with the {@link MasterKey} (the project and member as
 * associated data, so a keyset moved to another row does not open), and destroyed for good when
 * the member withdraws consent. Opened keys are kept in memory (bounded) so that reading a
 * project's text does not decrypt a keyset per event; destroying one forgets it here.
 */
@Component
public class MemberKeys {

    private record Member(String projectId, String memberId) {}

    /**
     * Absent: the member's key was destroyed. Kept a minute at most, so that a key destroyed by
     * another instance sharing the database is forgotten here soon after.
     */
    private final Cache<Member, Optional<Aead>> opened = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    /** A withdrawn member's number, for good: a withdrawal is never undone. */
    private final Cache<Member, Integer> withdrawn =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private final JdbcClient jdbc;
    private final MasterKey master;
    private final Clock clock;
    private final Vacuum vacuum;

    MemberKeys(JdbcClient jdbc, MasterKey master, Clock clock, Vacuum vacuum) {
        this.jdbc = jdbc;
        this.master = master;
        this.clock = clock;
        this.vacuum = vacuum;
    }

    /** The member's key, made now if they have none yet; empty when it was destroyed. */
    public Optional<Aead> forWriting(String projectId, String memberId) {
        return key(new Member(projectId, memberId), true);
    }

    /** The member's key to read with; empty when they never had one or it was destroyed. */
    public Optional<Aead> forReading(String projectId, String memberId) {
        return key(new Member(projectId, memberId), false);
    }

    private Optional<Aead> key(Member member, boolean makeIfNone) {
        Optional<Aead> known = opened.getIfPresent(member);
        if (known != null) {
            return known;
        }
        Optional<Optional<String>> stored = stored(member);
        if (stored.isEmpty()) {
            if (!makeIfNone) {
                return Optional.empty();
            }
            create(member);
            stored = stored(member);
        }
        Optional<Aead> aead = stored.orElseThrow().map(keyset -> open(member, keyset));
        remember(member, aead);
        return aead;
    }

    /**
     * Keeps an opened key for the next time, once the transaction that may have made it has
     * committed (a key made in a transaction that rolls back must not outlive it here), and never
     * over what is kept already (a key destroyed meanwhile stays destroyed).
     */
    private void remember(Member member, Optional<Aead> aead) {
        AfterCommit.run(() -> opened.asMap().putIfAbsent(member, aead));
    }

    /**
     * Destroys the member's key and gives them the project's next withdrawal number, in the caller's
     * transaction: the key is gone exactly when the withdrawal that destroys it is committed (a
     * process that dies in between leaves both or neither), and forgotten here once it is. Their
     * personal text can never be read again, here or from a copy of the database made after this
     * (copies made before, and backups, still hold the key).
     */
    public void destroy(String projectId, String memberId) {
        Member member = new Member(projectId, memberId);
        OffsetDateTime now = Utc.of(clock.instant());
        if (stored(member).isEmpty()) {
            try {
                jdbc.sql("INSERT INTO member_key (project_id, member_id, keyset, created_at) VALUES (?, ?, NULL, ?)")
                        .params(projectId, memberId, now)
                        .update();
            } catch (DuplicateKeyException raced) {
                // made meanwhile: destroyed below
            }
        }
        jdbc.sql("UPDATE member_key SET keyset = NULL, destroyed_at = ?, withdrawal_no = (SELECT COALESCE(MAX("
                        + "w.withdrawal_no), 0) + 1 FROM member_key w WHERE w.project_id = ?)"
                        + " WHERE project_id = ? AND member_id = ? AND destroyed_at IS NULL")
                .params(now, projectId, projectId, memberId)
                .update();
        AfterCommit.run(() -> opened.put(member, Optional.empty()));
        vacuum.afterCommit("member_key");
    }

    /** Whether the member's key was destroyed. */
    public boolean isDestroyed(String projectId, String memberId) {
        return withdrawalNumber(projectId, memberId).isPresent();
    }

    /**
     * The member's place among the project's withdrawals (1 for the first to withdraw), if their key
     * was destroyed: the number of their pseudonym.
     */
    public Optional<Integer> withdrawalNumber(String projectId, String memberId) {
        Member member = new Member(projectId, memberId);
        Integer known = withdrawn.getIfPresent(member);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Integer> number = jdbc.sql(
                        "SELECT withdrawal_no FROM member_key WHERE project_id = ? AND member_id = ?"
                                + " AND destroyed_at IS NOT NULL")
                .params(projectId, memberId)
                .query(Integer.class)
                .optional();
        number.ifPresent(n -> AfterCommit.run(() -> withdrawn.put(member, n)));
        return number;
    }

    /** Empty: no row; a row with an empty keyset: destroyed. */
    private Optional<Optional<String>> stored(Member member) {
        return jdbc.sql("SELECT keyset FROM member_key WHERE project_id = ? AND member_id = ?")
                .params(member.projectId(), member.memberId())
                .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
                .optional();
    }

    private void create(Member member) {
        try {
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            String sealed =
                    TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, master.aead(), associatedData(member));
            jdbc.sql("INSERT INTO member_key (project_id, member_id, keyset, created_at) VALUES (?, ?, ?, ?)")
                    .params(member.projectId(), member.memberId(), sealed, Utc.of(clock.instant()))
                    .update();
        } catch (DuplicateKeyException raced) {
            // another writer made it first: theirs is read back
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not make a member key", e);
        }
    }

    private Aead open(Member member, String sealed) {
        try {
            return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(sealed, master.aead(), associatedData(member))
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The master key from " + master.source() + " does not open the key of"
                            + " member " + member.memberId() + " of project " + member.projectId()
                            + ": it is not the master key this database was written with",
                    e);
        }
    }

    private static byte[] associatedData(Member member) {
        return ("member-key\u0000" + member.projectId() + "\u0000" + member.memberId())
                .getBytes(StandardCharsets.UTF_8);
    }
}

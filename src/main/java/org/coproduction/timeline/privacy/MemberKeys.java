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
import java.util.Optional;
import org.coproduction.timeline.platform.Utc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    /** Absent: the member's key was destroyed. */
    private final Cache<Member, Optional<Aead>> opened =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private final JdbcClient jdbc;
    private final MasterKey master;
    private final Clock clock;

    MemberKeys(JdbcClient jdbc, MasterKey master, Clock clock) {
        this.jdbc = jdbc;
        this.master = master;
        this.clock = clock;
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
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    opened.asMap().putIfAbsent(member, aead);
                }
            });
        } else {
            opened.asMap().putIfAbsent(member, aead);
        }
    }

    /**
     * Destroys the member's key: their personal text can never be read again, here or from a copy
     * of the database made after this (copies made before, and backups, still hold the key).
     */
    public void destroy(String projectId, String memberId) {
        Member member = new Member(projectId, memberId);
        if (stored(member).isEmpty()) {
            try {
                jdbc.sql("INSERT INTO member_key (project_id, member_id, keyset, created_at, destroyed_at)"
                                + " VALUES (?, ?, NULL, ?, ?)")
                        .params(projectId, memberId, Utc.of(clock.instant()), Utc.of(clock.instant()))
                        .update();
            } catch (DuplicateKeyException raced) {
                // made meanwhile: destroyed below
            }
        }
        jdbc.sql("UPDATE member_key SET keyset = NULL, destroyed_at = ? WHERE project_id = ? AND member_id = ?"
                        + " AND destroyed_at IS NULL")
                .params(Utc.of(clock.instant()), projectId, memberId)
                .update();
        opened.put(member, Optional.empty());
    }

    /** Whether the member's key was destroyed. */
    public boolean isDestroyed(String projectId, String memberId) {
        return stored(new Member(projectId, memberId)).map(Optional::isEmpty).orElse(false);
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

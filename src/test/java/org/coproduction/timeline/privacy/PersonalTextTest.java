package org.coproduction.timeline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.NONE;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A member's personal text sealed under their own key, the keys under the master key, and a key destroyed for good. */
@SpringBootTest(webEnvironment = NONE)
class PersonalTextTest {

    static final String SECRET = "I nearly walked out of the steering group today";

    @Autowired
    PersonalText text;

    @Autowired
    MemberKeys keys;

    @Autowired
    MasterKey master;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Vacuum vacuum;

    static String project() {
        return "privacy-" + UUID.randomUUID();
    }

    @Test
    void aSealedTextHoldsNoPlaintextAndOpensForTheSameProjectMemberAndEventOnly() {
        String project = project();
        String sealed = text.seal(project, "ann", "event-1", SECRET);

        assertThat(sealed)
                .startsWith(PersonalText.PREFIX)
                .doesNotContain("walked")
                .doesNotContain("steering");
        assertThat(text.open(project, "ann", "event-1", sealed)).contains(SECRET);
        assertThatThrownBy(() -> text.open(project, "ann", "event-2", sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("altered or moved");
        text.seal(project, "ben", "event-9", "Ben's own");
        assertThatThrownBy(() -> text.open(project, "ben", "event-1", sealed))
                .isInstanceOf(IllegalStateException.class);
        // The same text sealed twice differs (a fresh nonce each time).
        assertThat(text.seal(project, "ann", "event-1", SECRET)).isNotEqualTo(sealed);
    }

    @Test
    void theMemberKeyIsStoredEncryptedUnderTheMasterKey() {
        String project = project();
        text.seal(project, "ann", "event-1", SECRET);

        String stored = jdbc.sql("SELECT keyset FROM member_key WHERE project_id = ? AND member_id = ?")
                .params(project, "ann")
                .query(String.class)
                .single();
        assertThat(stored).contains("encryptedKeyset").doesNotContain("keyData");
    }

    @Test
    void aDestroyedKeyOpensNothingAgainAndTakesNoNewText() {
        String project = project();
        String sealed = text.seal(project, "ann", "event-1", SECRET);

        keys.destroy(project, "ann");

        assertThat(text.open(project, "ann", "event-1", sealed)).isEmpty();
        assertThat(keys.isDestroyed(project, "ann")).isTrue();
        assertThat(jdbc.sql("SELECT keyset FROM member_key WHERE project_id = ? AND member_id = ?")
                        .params(project, "ann")
                        .query(String.class)
                        .optional())
                .isEmpty();
        assertThatThrownBy(() -> text.seal(project, "ann", "event-2", "more"))
                .isInstanceOf(PersonalText.TextWithdrawnException.class);
        // Another member of the project is not touched.
        String bens = text.seal(project, "ben", "event-3", "Ben's");
        assertThat(text.open(project, "ben", "event-3", bens)).contains("Ben's");
    }

    @Test
    void aMissingMasterKeyForADatabaseWithMemberKeysStopsTheStartSayingWhy() throws Exception {
        text.seal(project(), "ann", "event-1", SECRET);
        Path missing = Files.createTempDirectory("no-master-key").resolve("master-key.json");

        assertThatThrownBy(() -> new MasterKey(jdbc, "", missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is missing")
                .hasMessageContaining("Restore it");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aWrongMasterKeyDoesNotOpenTheMemberKeysAndSaysSo() throws Exception {
        String project = project();
        text.seal(project, "ann", "event-1", SECRET);
        String another = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        MemberKeys withTheWrongKey =
                new MemberKeys(jdbc, new MasterKey(jdbc, another, Path.of("unused")), clock, vacuum);

        assertThatThrownBy(() -> withTheWrongKey.forReading(project, "ann"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not the master key this database was written with");
    }

    @Test
    void theGeneratedMasterKeyFileIsReadableByItsOwnerOnlyAndReadBackTheSame() throws Exception {
        Path file = Path.of(master.source());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        String project = project();
        String sealed = text.seal(project, "ann", "event-1", SECRET);
        MemberKeys reread = new MemberKeys(jdbc, new MasterKey(jdbc, "", file), clock, vacuum);
        assertThat(new PersonalText(reread).open(project, "ann", "event-1", sealed))
                .contains(SECRET);
    }
}

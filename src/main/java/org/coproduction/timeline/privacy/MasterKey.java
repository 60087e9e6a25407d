package org.coproduction.timeline.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.coproduction.timeline.platform.OwnerOnlyFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key that encrypts the member keys (a key-encryption key), kept apart from the database:
 * from {@code timeline.keys.master-key} (a Tink JSON keyset, for deployments that pass it in the
 * environment as {@code TIMELINE_KEYS_MASTER_KEY}), else from the file {@code
 * timeline.keys.master-key-file} (default {@code <data-dir>/master-key.json}). The first start on a
 * database without member keys generates the file, readable by its owner only, and says in the log
 * that it must be backed up apart from the database. A missing or wrong master key for a database
 * that holds member keys stops the start with a message saying so: the application never falls back
 * to writing personal text in the clear.
 */
@Component
public class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final Aead aead;
    private final String source;

    MasterKey(
            JdbcClient jdbc,
            @Value("${timeline.keys.master-key:}") String inline,
            @Value("${timeline.keys.master-key-file:${timeline.data-dir}/master-key.json}") Path file) {
        register();
        long memberKeys = jdbc.sql("SELECT COUNT(*) FROM member_key WHERE keyset IS NOT NULL")
                .query(Long.class)
                .single();
        KeysetHandle keyset;
        if (!inline.isBlank()) {
            keyset = parse(inline, "timeline.keys.master-key");
            source = "timeline.keys.master-key";
        } else if (Files.exists(file)) {
            keyset = parse(read(file), file.toString());
            source = file.toString();
        } else if (memberKeys > 0) {
            throw new IllegalStateException(
                    "The master key file " + file.toAbsolutePath().normalize()
                            + " is missing, but the database holds " + memberKeys + " member keys encrypted with it."
                            + " Restore it from its backup (or set timeline.keys.master-key-file to where it is);"
                            + " without it no personal text in this database can be read.");
        } else {
            keyset = generate(file);
            source = file.toString();
        }
        try {
            aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master key in " + source + " is not an AEAD key", e);
        }
    }

    /** The master key's AEAD, to encrypt and decrypt member keysets. */
    Aead aead() {
        return aead;
    }

    /** Where the master key came from: the file's path, or the property's name (never the key). */
    public String source() {
        return source;
    }

    static void register() {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink's AEAD could not be registered", e);
        }
    }

    private static KeysetHandle parse(String json, String where) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("The master key in " + where + " is not a readable Tink keyset", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The master key file " + file + " cannot be read", e);
        }
    }

    private static KeysetHandle generate(Path file) {
        try {
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
            OwnerOnlyFile.write(file, json);
            log.warn(
                    "Generated the master key that protects members' personal text: {} (readable by this user only)."
                            + " Back it up apart from the database: without it the personal text in the database"
                            + " cannot be read, and with the database it opens it all.",
                    file.toAbsolutePath().normalize());
            return keyset;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not generate a master key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("The master key could not be written to " + file, e);
        }
    }
}

package org.coproduction.timeline.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Seals and opens one piece of a member's personal text: AES-256-GCM under the member's key, with
 * the project, the member and the event's id as associated data, so a ciphertext copied into another
 * event, member or project does not open. A sealed text is {@value #PREFIX} and the ciphertext in
 * base64 (docs/privacy.md).
 */
@Component
public class PersonalText {

    public static final String PREFIX = "aead1:";

    private final MemberKeys keys;

    PersonalText(MemberKeys keys) {
        this.keys = keys;
    }

    /** The text sealed under the member's key; refused when the member's key was destroyed. */
    public String seal(String projectId, String memberId, String eventId, String text) {
        return seal(
                keys.forWriting(projectId, memberId).orElseThrow(() -> new TextWithdrawnException(projectId, memberId)),
                projectId,
                memberId,
                eventId,
                text);
    }

    /**
     * The text sealed under a key made for it and forgotten at once: it opens nowhere, as if sealed
     * under the member's key and that key then destroyed. For text found in the clear, when copying a
     * store written before sealing, of a member whose key is destroyed already.
     */
    String sealForNobody(String projectId, String memberId, String eventId, String text) {
        try {
            Aead forgotten = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
            return seal(forgotten, projectId, memberId, eventId, text);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not make a key", e);
        }
    }

    private static String seal(Aead aead, String projectId, String memberId, String eventId, String text) {
        try {
            byte[] ciphertext =
                    aead.encrypt(text.getBytes(StandardCharsets.UTF_8), associatedData(projectId, memberId, eventId));
            return PREFIX + Base64.getEncoder().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not encrypt", e);
        }
    }

    /** The text, or empty when the member's key was destroyed (their text is withdrawn). */
    public Optional<String> open(String projectId, String memberId, String eventId, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed text");
        }
        Optional<Aead> aead = keys.forReading(projectId, memberId);
        if (aead.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] plaintext = aead.get()
                    .decrypt(
                            Base64.getDecoder().decode(sealed.substring(PREFIX.length())),
                            associatedData(projectId, memberId, eventId));
            return Optional.of(new String(plaintext, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "a sealed text of member " + memberId + " in project " + projectId + " (event " + eventId
                            + ") does not open: it was altered or moved",
                    e);
        }
    }

    /** Whether a stored value is sealed text rather than text in the clear (written before encryption). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    private static byte[] associatedData(String projectId, String memberId, String eventId) {
        return ("personal-text\u0000" + projectId + "\u0000" + memberId + "\u0000" + eventId)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The member's key was destroyed: nothing personal may be written for them any more. */
    public static final class TextWithdrawnException extends IllegalStateException {
        public TextWithdrawnException(String projectId, String memberId) {
            super("member " + memberId + " of project " + projectId + " withdrew consent: their key is destroyed");
        }
    }
}

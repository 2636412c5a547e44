package io.livedrop.common.admission;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The waiting room's admission tokens: catalog-service issues one when a ticket is admitted,
 * order-service checks it on {@code POST /api/orders} (header {@code X-Admission-Token}). A token names
 * the drop, the user and its expiry and is signed with HMAC-SHA256 under {@code ADMISSION_TOKEN_SECRET}
 * (shared by the two services), so order-service checks it without a call or a lookup.
 *
 * <p>Format: {@code v1.<dropId>.<userId>.<expiresAtEpochMillis>.<base64url signature>}. Ids are
 * UUID strings (no dots).
 */
public final class AdmissionTokens {

    public static final String HEADER = "X-Admission-Token";

    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    public AdmissionTokens(String secret, Clock clock) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the admission token secret needs at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    /** What a valid token grants. */
    public record Admission(String dropId, String userId, Instant expiresAt) {}

    public String issue(String dropId, String userId, Instant expiresAt) {
        String payload = String.join(".", VERSION, dropId, userId, Long.toString(expiresAt.toEpochMilli()));
        return payload + "." + sign(payload);
    }

    /** The admission a token grants, or empty when it is malformed, forged or expired. */
    public Optional<Admission> verify(String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int lastDot = token.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, lastDot);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.");
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochMilli(Long.parseLong(parts[3]));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new Admission(parts[1], parts[2], expiresAt));
    }

    /** True when the token admits this user to this drop now. */
    public boolean admits(String token, String dropId, String userId) {
        return verify(token)
                .filter(admission ->
                        admission.dropId().equals(dropId) && admission.userId().equals(userId))
                .isPresent();
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] signature = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

package io.livedrop.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request under an idempotency key: who sent it (keys are scoped per user), the key, and a
 * fingerprint of what was asked (method, path and the parsed body), so a reused key with another
 * request is recognised.
 *
 * @param scope the owner of the key (the user id)
 * @param path the request path, also the {@code instance} of stored problems
 */
public record IdempotentRequest(String scope, IdempotencyKey key, String path, String fingerprint) {

    /**
     * Fingerprints the parsed body rather than the raw bytes: the same request sent with other
     * whitespace or field order is the same request.
     */
    public static IdempotentRequest of(
            String scope, IdempotencyKey key, String method, String path, Object body, JsonMapper json) {
        String canonical = method + ' ' + path + '\n' + json.writeValueAsString(body);
        return new IdempotentRequest(scope, key, path, sha256(canonical));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

package io.livedrop.common.pagination;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque keyset cursors: the position values of the last item served, bound to the list they came
 * from ({@code scope}) and signed with HMAC-SHA256, so a client can neither read meaning into them nor
 * forge one that makes the server scan from an arbitrary place.
 */
public final class CursorCodec {

    private static final char SEPARATOR = '\u001f';
    private static final int SIGNATURE_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public CursorCodec(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("cursor secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String encode(String scope, String... values) {
        StringBuilder payload = new StringBuilder(scope);
        for (String value : values) {
            if (value.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("cursor values must not contain the unit separator");
            }
            payload.append(SEPARATOR).append(value);
        }
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /** The values of a cursor issued for {@code scope}; {@code INVALID_CURSOR} if it was not. */
    public List<String> decode(String scope, String cursor, int expectedValues) {
        try {
            int dot = cursor.indexOf('.');
            if (dot < 0) {
                throw invalid();
            }
            byte[] payload = DECODER.decode(cursor.substring(0, dot));
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                throw invalid();
            }
            List<String> parts = split(new String(payload, StandardCharsets.UTF_8));
            if (!parts.getFirst().equals(scope) || parts.size() != expectedValues + 1) {
                throw invalid();
            }
            return parts.subList(1, parts.size());
        } catch (IllegalArgumentException malformedBase64) {
            throw invalid();
        }
    }

    private static List<String> split(String payload) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= payload.length(); i++) {
            if (i == payload.length() || payload.charAt(i) == SEPARATOR) {
                parts.add(payload.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static ApiException invalid() {
        return new ApiException(ErrorCode.INVALID_CURSOR, "The cursor is not valid for this list");
    }
}

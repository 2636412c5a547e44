package io.livedrop.catalog.browse.domain;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/**
 * A serialized response body and the moment it stops being true (a drop's status changes at
 * {@code startsAt} and {@code endsAt}), so no tier serves it past that moment.
 *
 * @param json the response body, ready to write
 * @param validUntilMillis epoch millis after which the value must be reloaded ({@link Long#MAX_VALUE}: no limit)
 */
public record CachedValue(byte[] json, long validUntilMillis) {

    public static CachedValue of(byte[] json) {
        return new CachedValue(json, Long.MAX_VALUE);
    }

    public static CachedValue of(byte[] json, Instant validUntil) {
        return new CachedValue(json, validUntil == null ? Long.MAX_VALUE : validUntil.toEpochMilli());
    }

    public boolean validAt(long nowMillis) {
        return nowMillis < validUntilMillis;
    }

    /** Redis form: 8 bytes of validUntil, then the body. */
    public byte[] encode() {
        return ByteBuffer.allocate(Long.BYTES + json.length)
                .putLong(validUntilMillis)
                .put(json)
                .array();
    }

    public static CachedValue decode(byte[] stored) {
        if (stored.length < Long.BYTES) {
            return null;
        }
        long validUntil = ByteBuffer.wrap(stored).getLong();
        return new CachedValue(Arrays.copyOfRange(stored, Long.BYTES, stored.length), validUntil);
    }
}

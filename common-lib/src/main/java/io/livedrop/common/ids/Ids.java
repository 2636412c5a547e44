package io.livedrop.common.ids;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * UUIDv7 identifiers (RFC 9562): time-ordered, so ids created later sort later, which keeps B-tree
 * inserts local and lets event ids double as resume positions. Within one millisecond a 12-bit
 * counter keeps ids of this process strictly increasing.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static long lastMillis;
    private static int counter;

    private Ids() {}

    public static UUID newId() {
        long millis;
        int sequence;
        LOCK.lock();
        try {
            long now = System.currentTimeMillis();
            if (now > lastMillis) {
                lastMillis = now;
                counter = RANDOM.nextInt(1 << 10);
            } else if (++counter >= 1 << 12) {
                lastMillis++;
                counter = 0;
            }
            millis = lastMillis;
            sequence = counter;
        } finally {
            LOCK.unlock();
        }
        long mostSignificant = (millis << 16) | (0x7L << 12) | sequence;
        long leastSignificant = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }

    /** The id in a path or body, or empty when it is not a UUID (an id that cannot exist). */
    public static Optional<UUID> parse(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}

package io.livedrop.notification.inbox.domain;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Notification ids travel as opaque strings (API.md); inside they are positive longs that order
 * every stored notification of the service (see {@code NotificationRepository}).
 */
public final class NotificationIds {

    private NotificationIds() {}

    public static String format(long id) {
        return Long.toString(id);
    }

    /** The id in a path, query or header; empty when it cannot be one of ours. */
    public static OptionalLong parse(String value) {
        if (value == null || value.isEmpty() || value.length() > 19) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException tooLarge) {
            return OptionalLong.empty();
        }
    }

    /**
     * The smallest id a notification stored at or after {@code instant} can have: ids are at least
     * the microseconds since the epoch of the moment they are assigned.
     */
    public static long floorOf(Instant instant) {
        return Math.max(
                0, Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000));
    }
}

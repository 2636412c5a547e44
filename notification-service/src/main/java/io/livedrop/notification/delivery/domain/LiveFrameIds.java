package io.livedrop.notification.delivery.domain;

import io.livedrop.notification.inbox.domain.NotificationIds;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Ids of live-only frames: {@code <resume position>.<uuid>}, e.g.
 * {@code 1733912345678901.0193a1b2-…}.
 *
 * <p>Why the position: clients (and browsers, for SSE's {@code Last-Event-ID}) resume with the id of
 * the LAST frame they received, and that may well be a live-only frame. Its id therefore carries the
 * id of the last stored notification queued on the same connection before it; a resume with it is a
 * resume after that notification, so stored notifications are neither lost nor repeated and the
 * live-only frame itself is not replayed (it is in no log). The uuid makes every frame's id unique.
 * The format never parses as a stored id (it has a dot), and a malformed one is still refused.
 */
public final class LiveFrameIds {

    private static final int UUID_LENGTH = 36;

    private LiveFrameIds() {}

    /** @param resumeAfter the id of the last stored notification the connection queued before this frame */
    public static String format(long resumeAfter, UUID unique) {
        return NotificationIds.format(resumeAfter) + "." + unique;
    }

    /** The stored notification id a live-only frame id resumes after; empty when it is not one. */
    public static OptionalLong resumePosition(String value) {
        int dot = value.indexOf('.');
        if (dot <= 0 || value.length() - dot - 1 != UUID_LENGTH) {
            return OptionalLong.empty();
        }
        String unique = value.substring(dot + 1);
        try {
            if (!UUID.fromString(unique).toString().equalsIgnoreCase(unique)) {
                return OptionalLong.empty();
            }
        } catch (IllegalArgumentException notAUuid) {
            return OptionalLong.empty();
        }
        return NotificationIds.parse(value.substring(0, dot));
    }
}

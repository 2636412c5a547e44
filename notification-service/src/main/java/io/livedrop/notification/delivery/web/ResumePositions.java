package io.livedrop.notification.delivery.web;

import io.livedrop.common.error.ApiException;
import io.livedrop.notification.delivery.domain.LiveFrameIds;
import io.livedrop.notification.inbox.domain.NotificationIds;
import java.util.OptionalLong;

/** The {@code lastEventId} / {@code Last-Event-ID} a client resumes after. */
final class ResumePositions {

    private ResumePositions() {}

    /**
     * Empty when absent; 400 {@code VALIDATION_FAILED} when it cannot be an id of this stream. The id
     * of a live-only frame (a {@code queue.position}, say) resumes after the stored notification it
     * carries ({@link LiveFrameIds}): the last one its connection had queued before it.
     */
    static OptionalLong parse(String name, String value) {
        if (value == null || value.isEmpty()) {
            return OptionalLong.empty();
        }
        String trimmed = value.trim();
        OptionalLong id = NotificationIds.parse(trimmed);
        if (id.isEmpty()) {
            id = LiveFrameIds.resumePosition(trimmed);
        }
        if (id.isEmpty()) {
            throw ApiException.validation(name, "must be the id of an event received from this stream");
        }
        return id;
    }
}

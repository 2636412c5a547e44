package io.livedrop.notification.realtime;

import io.livedrop.common.error.ApiException;
import io.livedrop.notification.store.NotificationIds;
import java.util.OptionalLong;

/** The {@code lastEventId} / {@code Last-Event-ID} a client resumes after. */
final class ResumePositions {

    private ResumePositions() {}

    /** Empty when absent; 400 {@code VALIDATION_FAILED} when it cannot be an id of this stream. */
    static OptionalLong parse(String name, String value) {
        if (value == null || value.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong id = NotificationIds.parse(value.trim());
        if (id.isEmpty()) {
            throw ApiException.validation(name, "must be the id of an event received from this stream");
        }
        return id;
    }
}

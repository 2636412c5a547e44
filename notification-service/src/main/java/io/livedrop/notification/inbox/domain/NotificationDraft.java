package io.livedrop.notification.inbox.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification about to be stored, before it has an id.
 *
 * @param eventId the Kafka event it comes from: storing the same event twice is a no-op
 * @param audience inbox or creator log
 * @param recipient the user (personal) or the creator (broadcast)
 * @param dropId the drop of a broadcast, null for personal notifications
 * @param type the API type ({@code drop.started}, {@code order.confirmed}, ...)
 * @param eventTime when it happened (the event's time): the frame's {@code createdAt}
 * @param dataJson the frame's {@code data} as JSON
 */
public record NotificationDraft(
        UUID eventId,
        Audience audience,
        String recipient,
        String dropId,
        String type,
        Instant eventTime,
        String dataJson) {

    public static NotificationDraft personal(UUID eventId, String userId, String type, Instant time, String data) {
        return new NotificationDraft(eventId, Audience.PERSONAL, userId, null, type, time, data);
    }

    public static NotificationDraft broadcast(
            UUID eventId, String creatorId, String dropId, String type, Instant time, String data) {
        return new NotificationDraft(eventId, Audience.BROADCAST, creatorId, dropId, type, time, data);
    }
}

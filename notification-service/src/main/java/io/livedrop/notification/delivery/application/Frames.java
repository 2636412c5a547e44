package io.livedrop.notification.delivery.application;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.livedrop.notification.delivery.domain.Frame;
import io.livedrop.notification.delivery.domain.LiveFrame;
import io.livedrop.notification.inbox.domain.NotificationIds;
import io.livedrop.notification.inbox.domain.StoredNotification;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns stored notifications, and the live-only events pushed past the log, into the frames of
 * API.md: {@code {id, type, createdAt, data}}.
 */
@Component
public class Frames {

    record FrameJson(
            String id,
            String type,
            Instant createdAt,
            @JsonRawValue String data) {}

    /** A live-only frame without its id, which is chosen per connection ({@link LiveFrame}). */
    record LiveFrameFields(String type, Instant createdAt, Object data) {}

    private final JsonMapper json;

    Frames(JsonMapper json) {
        this.json = json;
    }

    public Frame of(StoredNotification notification) {
        String body = json.writeValueAsString(new FrameJson(
                NotificationIds.format(notification.id()),
                notification.type(),
                notification.eventTime(),
                notification.dataJson()));
        return new Frame(
                notification.id(),
                notification.audience(),
                notification.recipient(),
                notification.type(),
                notification.eventTime(),
                body);
    }

    /**
     * A live-only frame ({@link LiveFrame}): serialized once, whatever the number of connections.
     *
     * @param data serialized with the service's JSON mapper, as stored notifications' data are
     */
    public LiveFrame live(String type, Instant createdAt, Object data) {
        String fields = json.writeValueAsString(new LiveFrameFields(type, createdAt, data));
        // "{" + members + "}": the id goes in front of the members
        return new LiveFrame(type, createdAt, fields.substring(1));
    }
}

package io.livedrop.notification.realtime;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.livedrop.notification.store.NotificationIds;
import io.livedrop.notification.store.StoredNotification;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns stored notifications into the frames of API.md: {@code {id, type, createdAt, data}}. */
@Component
public class Frames {

    record FrameJson(
            String id,
            String type,
            Instant createdAt,
            @JsonRawValue String data) {}

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
}

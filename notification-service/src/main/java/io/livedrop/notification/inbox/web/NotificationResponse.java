package io.livedrop.notification.inbox.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** One notification of the list; {@code data} is the stored JSON, written as it is. */
record NotificationResponse(
        String id,
        String type,
        Instant createdAt,
        boolean read,
        @JsonRawValue String data) {}

package io.livedrop.notification.inbox.domain;

import java.time.Instant;

/** One notification of a user's list, with whether that user has read it; {@code data} is its JSON. */
public record InboxEntry(long id, String type, Instant createdAt, boolean read, String data) {}

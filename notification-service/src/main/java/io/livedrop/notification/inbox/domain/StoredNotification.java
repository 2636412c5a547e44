package io.livedrop.notification.inbox.domain;

import java.time.Instant;

/**
 * A stored notification as the realtime side reads it back.
 *
 * @param id the commit-ordered id (clients resume after it)
 * @param audience inbox or creator log
 * @param recipient the user (personal) or the creator (broadcast)
 * @param type the API type
 * @param eventTime when it happened
 * @param dataJson the {@code data} object as JSON
 */
public record StoredNotification(
        long id, Audience audience, String recipient, String type, Instant eventTime, String dataJson) {}

package io.livedrop.notification.delivery.domain;

import io.livedrop.notification.inbox.domain.Audience;
import java.time.Instant;

/**
 * One notification ready to be sent: serialized once, shared by every connection it goes to.
 *
 * @param id the notification id (frames of one connection go out in increasing id order)
 * @param audience personal (to {@code recipient}, a user) or broadcast (to followers of
 *     {@code recipient}, a creator)
 * @param eventTime when the event happened: the start of the delivery latency
 * @param json the frame {@code {id, type, createdAt, data}}
 */
public record Frame(long id, Audience audience, String recipient, String type, Instant eventTime, String json) {}

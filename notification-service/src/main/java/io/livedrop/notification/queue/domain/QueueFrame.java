package io.livedrop.notification.queue.domain;

import io.livedrop.notification.delivery.domain.LiveFrame;

/** One ticket's frame, ready to be pushed to its holder's connections (or held by the throttle). */
public record QueueFrame(String userId, String ticketId, LiveFrame frame) {}

package io.livedrop.notification.queue;

import io.livedrop.notification.realtime.LiveFrame;

/** One ticket's frame, ready to be pushed to its holder's connections (or held by the throttle). */
record QueueFrame(String userId, String ticketId, LiveFrame frame) {}

package io.livedrop.notification.realtime;

import java.util.Locale;

/** How a client is connected. */
public enum Transport {
    WEBSOCKET,
    SSE;

    /** The metric tag value. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

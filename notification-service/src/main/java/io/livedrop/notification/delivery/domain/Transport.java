package io.livedrop.notification.delivery.domain;

import java.util.Locale;

/** How a client is connected. */
public enum Transport {
    WEBSOCKET,
    SSE;

    /** The metric tag value. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

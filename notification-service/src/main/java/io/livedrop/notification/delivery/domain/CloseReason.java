package io.livedrop.notification.delivery.domain;

/** Why the server ends a connection; each maps to a WebSocket close code or an SSE ending. */
public enum CloseReason {
    /** More frames waiting than allowed, or a write blocked too long: resume later with the last id. */
    FELL_BEHIND,
    /** No pong to our pings: the client or the network is gone. */
    UNRESPONSIVE,
    /** This instance is shutting down: reconnect (to another instance) with the last id. */
    RESTART,
    /** The set-up waited too long for a busy database: reconnect shortly with the last id. */
    BUSY,
    /** The connection could not be set up (e.g. the database failed during replay). */
    SERVER_ERROR,
    /** The realtime token reached its {@code exp}: reconnect with a fresh token and the last id. */
    TOKEN_EXPIRED,
    /** The user opened more streams than allowed; this, the oldest, made room for the newest. */
    REPLACED,
    /** The client closed it, or a write failed. */
    GONE
}

package io.livedrop.notification.delivery.web;

import io.livedrop.notification.delivery.application.RealtimeConnection;
import io.livedrop.notification.delivery.application.RealtimeMetrics;
import io.livedrop.notification.delivery.domain.CloseReason;
import io.livedrop.notification.delivery.domain.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * A realtime connection over a plain WebSocket (text frames, no STOMP). The session is Spring's
 * {@code ConcurrentWebSocketSessionDecorator}, so the writer, a close from another thread and the
 * decorator's own send-time and buffer limits never step on each other.
 */
final class WebSocketConnection extends RealtimeConnection {

    /** 1013 "Try Again Later": the client fell behind and should resume with its last id. */
    static final CloseStatus FELL_BEHIND = new CloseStatus(1013, "Fell behind; reconnect with lastEventId");
    /** 1013 "Try Again Later": the set-up found the database too busy; reconnect shortly. */
    static final CloseStatus BUSY = new CloseStatus(1013, "Busy; reconnect shortly with lastEventId");
    /** 1012 "Service Restart": this instance is going away; reconnect (to another) with the last id. */
    static final CloseStatus RESTART = new CloseStatus(1012, "Service restart; reconnect with lastEventId");
    /** 4401 (private use, after HTTP 401): the realtime token expired; reconnect with a fresh token. */
    static final CloseStatus TOKEN_EXPIRED =
            new CloseStatus(4401, "Token expired; reconnect with a fresh realtime token and lastEventId");
    /**
     * 4429 (private use, after HTTP 429): the user opened more streams than allowed and this, the
     * oldest, was closed for the newest; do not reconnect automatically.
     */
    static final CloseStatus REPLACED =
            new CloseStatus(4429, "Too many streams for this user; the oldest was closed. Do not reconnect");

    private static final ByteBuffer PING_PAYLOAD = ByteBuffer.wrap(new byte[] {'h', 'b'});

    private final WebSocketSession session;

    WebSocketConnection(
            WebSocketSession session,
            String userId,
            Instant expiresAt,
            Limits limits,
            RealtimeMetrics metrics,
            Executor writers) {
        super(userId, expiresAt, Transport.WEBSOCKET, limits, metrics, writers);
        this.session = session;
    }

    @Override
    protected void writeFrame(String id, String json) throws IOException {
        session.sendMessage(new TextMessage(json));
    }

    @Override
    protected void writeHeartbeat() throws IOException {
        session.sendMessage(new PingMessage(PING_PAYLOAD.duplicate()));
    }

    @Override
    protected CloseReason reasonFor(Exception writeFailure) {
        return writeFailure instanceof SessionLimitExceededException ? CloseReason.FELL_BEHIND : CloseReason.GONE;
    }

    @Override
    protected void terminate(CloseReason reason) {
        CloseStatus status = switch (reason) {
            case FELL_BEHIND -> FELL_BEHIND;
            case RESTART -> RESTART;
            case BUSY -> BUSY;
            case TOKEN_EXPIRED -> TOKEN_EXPIRED;
            case REPLACED -> REPLACED;
            case UNRESPONSIVE -> CloseStatus.GOING_AWAY;
            case SERVER_ERROR -> CloseStatus.SERVER_ERROR;
            case GONE -> CloseStatus.NORMAL;
        };
        try {
            if (session.isOpen()) {
                session.close(status);
            }
        } catch (IOException | RuntimeException alreadyBroken) {
            // the peer is gone or the socket broke: nothing left to tell it
        }
    }
}

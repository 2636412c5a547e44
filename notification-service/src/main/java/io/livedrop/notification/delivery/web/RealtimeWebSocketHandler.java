package io.livedrop.notification.delivery.web;

import io.livedrop.notification.delivery.application.RealtimeConnection;
import io.livedrop.notification.delivery.application.RealtimeConnectionService;
import io.livedrop.notification.delivery.application.RealtimeProperties;
import io.livedrop.notification.delivery.domain.CloseReason;
import java.time.Instant;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * {@code /ws}: one {@link RealtimeConnection} per session. The server talks, the client only
 * listens (anything it sends is taken as a sign of life and otherwise ignored).
 */
@Component
class RealtimeWebSocketHandler extends AbstractWebSocketHandler {

    /** Tomcat's bound on one blocking write (its default is 20 s). */
    private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private static final String CONNECTION = "livedrop.realtime.connection";

    private final RealtimeConnectionService connections;
    private final RealtimeProperties settings;

    RealtimeWebSocketHandler(RealtimeConnectionService connections, RealtimeProperties settings) {
        this.connections = connections;
        this.settings = settings;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        limitBlockingWrites(session);
        var concurrent = new ConcurrentWebSocketSessionDecorator(
                session, (int) settings.sendTimeLimit().toMillis(), settings.sendBufferLimit());
        String userId = (String) session.getAttributes().get(RealtimeHandshakeInterceptor.USER_ID);
        var expiresAt = (Instant) session.getAttributes().get(RealtimeHandshakeInterceptor.EXPIRES_AT);
        var lastEventId = (OptionalLong) session.getAttributes().get(RealtimeHandshakeInterceptor.LAST_EVENT_ID);
        RealtimeConnection connection = connections.webSocket((limits, metrics, writers) ->
                new WebSocketConnection(concurrent, userId, expiresAt, limits, metrics, writers));
        session.getAttributes().put(CONNECTION, connection);
        connections.open(connection, lastEventId);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        heardFrom(session);
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        heardFrom(session);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        closed(session);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        closed(session);
    }

    private void heardFrom(WebSocketSession session) {
        if (session.getAttributes().get(CONNECTION) instanceof RealtimeConnection connection) {
            connection.heardFrom();
        }
    }

    private void closed(WebSocketSession session) {
        if (session.getAttributes().get(CONNECTION) instanceof RealtimeConnection connection) {
            connection.close(CloseReason.GONE);
        }
    }

    private void limitBlockingWrites(WebSocketSession session) {
        if (session instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof jakarta.websocket.Session standard) {
            standard.getUserProperties()
                    .put(TOMCAT_BLOCKING_SEND_TIMEOUT, settings.sendTimeLimit().toMillis());
        }
    }
}

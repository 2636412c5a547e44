package io.livedrop.notification.delivery.web;

import io.livedrop.notification.delivery.application.RealtimeConnection;
import io.livedrop.notification.delivery.application.RealtimeMetrics;
import io.livedrop.notification.delivery.domain.CloseReason;
import io.livedrop.notification.delivery.domain.Transport;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A realtime connection over Server-Sent Events: each notification is an event whose {@code id:} is
 * the frame's id (so the browser sends it back as {@code Last-Event-ID} when it reconnects; a
 * live-only frame's id resumes as well, see {@link io.livedrop.notification.delivery.domain.LiveFrameIds}) and whose data is the same JSON
 * frame as on the WebSocket. Heartbeats are comment lines.
 */
final class SseConnection extends RealtimeConnection {

    /**
     * The event a client gets before a restart or the token's expiry ends the stream: reconnect (with a
     * fresh realtime token) and Last-Event-ID.
     */
    static final String RECONNECT_EVENT = "reconnect";
    /** The event a client gets when a newer stream of its user replaced this one: do not reconnect. */
    static final String CLOSED_EVENT = "closed";

    private final SseEmitter emitter;

    SseConnection(
            SseEmitter emitter,
            String userId,
            Instant expiresAt,
            Limits limits,
            RealtimeMetrics metrics,
            Executor writers) {
        super(userId, expiresAt, Transport.SSE, limits, metrics, writers);
        this.emitter = emitter;
    }

    @Override
    protected void writeFrame(String id, String json) throws IOException {
        emitter.send(SseEmitter.event().id(id).data(json));
    }

    @Override
    protected void writeHeartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment("heartbeat"));
    }

    @Override
    protected void terminate(CloseReason reason) {
        try {
            switch (reason) {
                case RESTART ->
                    emitter.send(SseEmitter.event().name(RECONNECT_EVENT).data("{\"reason\":\"restart\"}"));
                case TOKEN_EXPIRED ->
                    emitter.send(SseEmitter.event().name(RECONNECT_EVENT).data("{\"reason\":\"token-expired\"}"));
                case REPLACED ->
                    emitter.send(SseEmitter.event().name(CLOSED_EVENT).data("{\"reason\":\"too-many-streams\"}"));
                default -> {}
            }
        } catch (IOException | RuntimeException alreadyBroken) {
            // the client is gone: completing below is all that is left
        } finally {
            try {
                emitter.complete();
            } catch (RuntimeException alreadyCompleted) {
                // completed by the container (client disconnect) in the meantime
            }
        }
    }
}

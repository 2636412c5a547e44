package io.livedrop.notification.realtime;

import io.livedrop.notification.store.NotificationIds;
import java.io.IOException;
import java.util.concurrent.Executor;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A realtime connection over Server-Sent Events: each notification is an event whose {@code id:} is
 * the notification id (so the browser sends it back as {@code Last-Event-ID} when it reconnects) and
 * whose data is the same JSON frame as on the WebSocket. Heartbeats are comment lines.
 */
final class SseConnection extends RealtimeConnection {

    /** The event a client gets before a restart closes the stream: reconnect with Last-Event-ID. */
    static final String RECONNECT_EVENT = "reconnect";

    private final SseEmitter emitter;

    SseConnection(SseEmitter emitter, String userId, Limits limits, RealtimeMetrics metrics, Executor writers) {
        super(userId, Transport.SSE, limits, metrics, writers);
        this.emitter = emitter;
    }

    @Override
    protected void writeFrame(Frame frame) throws IOException {
        emitter.send(SseEmitter.event().id(NotificationIds.format(frame.id())).data(frame.json()));
    }

    @Override
    protected void writeHeartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment("heartbeat"));
    }

    @Override
    protected void terminate(CloseReason reason) {
        try {
            if (reason == CloseReason.RESTART) {
                emitter.send(SseEmitter.event().name(RECONNECT_EVENT).data("{\"reason\":\"restart\"}"));
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

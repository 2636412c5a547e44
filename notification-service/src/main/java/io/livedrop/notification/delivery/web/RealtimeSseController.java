package io.livedrop.notification.delivery.web;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.notification.delivery.application.RealtimeConnection;
import io.livedrop.notification.delivery.application.RealtimeConnectionService;
import io.livedrop.notification.delivery.application.RealtimeGate;
import io.livedrop.notification.delivery.application.RealtimeProperties;
import io.livedrop.notification.delivery.application.RealtimeTokenService;
import io.livedrop.notification.delivery.domain.CloseReason;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/realtime/sse?token=}: the realtime stream as Server-Sent Events, for clients that
 * cannot use WebSockets. Resumes after {@code Last-Event-ID} (sent by browsers on reconnect; a
 * {@code lastEventId} query parameter works as well).
 */
@RestController
class RealtimeSseController {

    private final RealtimeTokenService tokens;
    private final RealtimeGate gate;
    private final RealtimeConnectionService connections;
    private final long reconnectDelayMillis;

    RealtimeSseController(
            RealtimeTokenService tokens,
            RealtimeGate gate,
            RealtimeConnectionService connections,
            RealtimeProperties settings) {
        this.tokens = tokens;
        this.gate = gate;
        this.connections = connections;
        this.reconnectDelayMillis = settings.sseReconnectDelay().toMillis();
    }

    @GetMapping("/api/realtime/sse")
    SseEmitter stream(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String lastEventId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            HttpServletResponse response)
            throws IOException {
        RealtimeTokenService.Identity identity = tokens.check(token);
        OptionalLong resumeAfter = lastEventIdHeader != null
                ? ResumePositions.parse("Last-Event-ID", lastEventIdHeader)
                : ResumePositions.parse("lastEventId", lastEventId);
        if (!gate.accepting()) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "This instance is shutting down; connect again");
        }
        // an event stream must reach the client as it is written, never from a cache or a buffer
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        SseEmitter emitter = new SseEmitter(0L); // no timeout: heartbeats keep it alive, the client ends it
        RealtimeConnection connection = connections.sse((limits, metrics, writers) ->
                new SseConnection(emitter, identity.userId(), identity.expiresAt(), limits, metrics, writers));
        emitter.onCompletion(() -> connection.close(CloseReason.GONE));
        emitter.onTimeout(() -> connection.close(CloseReason.GONE));
        emitter.onError(error -> connection.close(CloseReason.GONE));
        // sent before anything else: the response headers go out now and the client knows its retry delay
        emitter.send(SseEmitter.event().reconnectTime(reconnectDelayMillis).comment("connected"));
        connections.open(connection, resumeAfter);
        return emitter;
    }
}

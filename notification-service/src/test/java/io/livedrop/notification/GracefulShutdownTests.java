package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.notification.delivery.application.RealtimeGate;
import io.livedrop.notification.support.SseClient;
import io.livedrop.notification.support.WsClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Shutting down closes every stream with a reconnect signal before the web server drains: WebSocket
 * close code 1012 (Service Restart), SSE {@code event: reconnect}; new streams are refused with 503.
 * The gate is the lifecycle bean the context stops first; stopping and restarting it here leaves the
 * shared context usable.
 */
class GracefulShutdownTests extends NotificationIntegrationTest {

    @Autowired
    private RealtimeGate gate;

    @Test
    void shutdownTellsEveryClientToReconnectElsewhere() throws Exception {
        String user = id();
        WsClient socket = webSocket(user);
        SseClient stream = sse(user, null);
        try {
            gate.stop();

            assertThat(socket.closeCode().get(30, TimeUnit.SECONDS)).isEqualTo(1012);
            SseClient.Event reconnect = stream.next(PATIENCE);
            assertThat(reconnect.name()).isEqualTo("reconnect");
            stream.ended().get(30, TimeUnit.SECONDS);
            assertThat(registry.connectionsOf(user)).isZero();
            assertThat(WsClient.handshakeStatus(wsUrl(), tokens.realtimeToken(user), null))
                    .isEqualTo(503);
            try (SseClient refused = SseClient.connect(httpUrl(), tokens.realtimeToken(user), null)) {
                assertThat(refused.status()).isEqualTo(503);
            }
        } finally {
            gate.start();
            socket.close();
            stream.close();
        }
        assertThat(WsClient.handshakeStatus(wsUrl(), tokens.realtimeToken(user), null))
                .isEqualTo(101);
    }
}

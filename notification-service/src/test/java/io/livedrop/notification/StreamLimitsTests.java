package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.security.Scopes;
import io.livedrop.notification.support.SseClient;
import io.livedrop.notification.support.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 8: a stream lives no longer than its realtime token (closed at {@code exp}: WebSocket
 * 4401, SSE {@code event: reconnect} with reason {@code token-expired}), and a user has at most {@code
 * NOTIFICATION_MAX_STREAMS_PER_USER} (5) streams: one more closes the oldest (WebSocket 4429, SSE
 * {@code event: closed} with reason {@code too-many-streams}).
 */
class StreamLimitsTests extends NotificationIntegrationTest {

    private static final int MAX_STREAMS = 5;
    private static final Duration SHORT_TOKEN = Duration.ofSeconds(3);

    @Test
    void aWebSocketIsClosedWhenItsTokenExpires() throws Exception {
        String user = id();
        try (WsClient socket = WsClient.connect(wsUrl(), realtimeToken(user, SHORT_TOKEN), null)) {
            awaitConnections(user, 1);

            assertThat(socket.closeCode().get(30, TimeUnit.SECONDS)).isEqualTo(4401);
        }
        awaitConnections(user, 0);
        // the client's next move: a fresh token opens a new stream
        try (WsClient fresh = webSocket(user)) {
            assertThat(fresh.closeCode()).isNotDone();
        }
    }

    @Test
    void anSseStreamEndsWithAReconnectEventWhenItsTokenExpires() throws Exception {
        String user = id();
        try (SseClient stream = SseClient.connect(httpUrl(), realtimeToken(user, SHORT_TOKEN), null)) {
            awaitConnections(user, 1);

            SseClient.Event reconnect = stream.next(PATIENCE);

            assertThat(reconnect.name()).isEqualTo("reconnect");
            assertThat(reconnect.json().path("reason").asString()).isEqualTo("token-expired");
            stream.ended().get(30, TimeUnit.SECONDS);
        }
        awaitConnections(user, 0);
    }

    @Test
    void aTokenPastItsExpiryOpensNothingEvenWithinTheClockSkew() {
        String user = id();
        String expired = realtimeToken(user, Duration.ofSeconds(-5));

        assertThat(WsClient.handshakeStatus(wsUrl(), expired, null)).isEqualTo(401);
        try (SseClient refused = SseClient.connect(httpUrl(), expired, null)) {
            assertThat(refused.status()).isEqualTo(401);
        }
    }

    @Test
    void oneStreamMoreThanAllowedClosesTheUsersOldest() throws Exception {
        String user = id();
        List<WsClient> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_STREAMS; i++) {
                sockets.add(webSocket(user));
            }

            WsClient newest = WsClient.connect(wsUrl(), tokens.realtimeToken(user), null);
            sockets.add(newest);

            assertThat(sockets.getFirst().closeCode().get(30, TimeUnit.SECONDS)).isEqualTo(4429);
            awaitConnections(user, MAX_STREAMS);
            // the others, the newest included, stay and receive the user's notifications
            String stored = awaitStored(events.orderConfirmed(user, id(), id()));
            for (WsClient open : sockets.subList(1, sockets.size())) {
                assertThat(open.next(PATIENCE).path("id").asString()).isEqualTo(stored);
                assertThat(open.closeCode()).isNotDone();
            }
        } finally {
            sockets.forEach(WsClient::close);
        }
    }

    @Test
    void webSocketsAndSseStreamsCountTogetherAndAnOldSseStreamIsToldNotToReconnect() throws Exception {
        String user = id();
        String someoneElse = id();
        List<WsClient> sockets = new ArrayList<>();
        try (SseClient oldest = sse(user, null);
                WsClient bystander = webSocket(someoneElse)) {
            for (int i = 0; i < MAX_STREAMS - 1; i++) {
                sockets.add(webSocket(user));
            }
            assertThat(registry.connectionsOf(user)).isEqualTo(MAX_STREAMS);

            sockets.add(WsClient.connect(wsUrl(), tokens.realtimeToken(user), null));

            SseClient.Event closed = oldest.next(PATIENCE);
            assertThat(closed.name()).isEqualTo("closed");
            assertThat(closed.json().path("reason").asString()).isEqualTo("too-many-streams");
            oldest.ended().get(30, TimeUnit.SECONDS);
            await().atMost(PATIENCE).until(() -> registry.connectionsOf(user) == MAX_STREAMS);
            assertThat(registry.connectionsOf(someoneElse)).isEqualTo(1);
            assertThat(bystander.closeCode()).isNotDone();
        } finally {
            sockets.forEach(WsClient::close);
        }
    }

    private String realtimeToken(String userId, Duration ttl) {
        return tokens.sign(userId, Scopes.REALTIME_AUDIENCE, Scopes.REALTIME, ttl, claims -> {});
    }
}

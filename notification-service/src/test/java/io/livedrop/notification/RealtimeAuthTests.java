package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.security.Scopes;
import io.livedrop.notification.support.SseClient;
import io.livedrop.notification.support.WsClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Only a realtime token opens /ws and /api/realtime/sse; an access token, an expired or forged token,
 * or none at all gets 401 problem+json before any stream starts.
 */
class RealtimeAuthTests extends NotificationIntegrationTest {

    @Test
    void aRealtimeTokenOpensBothStreams() {
        String user = id();
        assertThat(WsClient.handshakeStatus(wsUrl(), tokens.realtimeToken(user), null))
                .isEqualTo(101);
        try (SseClient stream = SseClient.connect(httpUrl(), tokens.realtimeToken(user), null)) {
            assertThat(stream.status()).isEqualTo(200);
        }
    }

    @Test
    void anythingButAValidRealtimeTokenIsRefused() {
        String user = id();
        Map<String, String> refused = Map.of(
                "no token", "",
                "access token", tokens.userToken(user),
                "service token", tokens.serviceToken("order-service"),
                "expired realtime token",
                        tokens.sign(user, Scopes.REALTIME_AUDIENCE, Scopes.REALTIME, Duration.ofMinutes(-5), c -> {}),
                "realtime audience without the realtime scope",
                        tokens.sign(user, Scopes.REALTIME_AUDIENCE, Scopes.USER, Duration.ofMinutes(5), c -> {}),
                "garbage", "not.a.jwt");

        refused.forEach((what, token) -> {
            String query = token.isEmpty() ? null : token;
            assertThat(WsClient.handshakeStatus(wsUrl(), query, null)).as(what).isEqualTo(401);
            try (SseClient stream = SseClient.connect(httpUrl(), query, null)) {
                assertThat(stream.status()).as(what).isEqualTo(401);
                assertThat(stream.problem().path("code").asString()).as(what).isEqualTo("UNAUTHENTICATED");
            }
        });
        assertThat(registry.connectionsOf(user)).isZero();
    }
}

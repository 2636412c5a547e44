package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.notification.support.SseClient;
import io.livedrop.notification.support.WsClient;
import org.junit.jupiter.api.Test;

/** What the dashboards read: connections by transport, delivery latency histogram, replays. */
class MetricsTests extends NotificationIntegrationTest {

    @Test
    void prometheusShowsConnectionsDeliveryLatencyAndReplays() throws Exception {
        String user = id();
        try (WsClient socket = webSocket(user);
                SseClient stream = sse(user, null)) {
            events.orderConfirmed(user, id(), id());
            String first = socket.next(PATIENCE).path("id").asString();
            stream.next(PATIENCE);
            try (WsClient resumed = webSocket(user, String.valueOf(Long.parseLong(first) - 1))) {
                resumed.next(PATIENCE);

                String metrics = api.prometheus();

                assertThat(metrics)
                        .containsPattern("livedrop_notification_connections\\{[^}]*transport=\"websocket\"[^}]*} [1-9]")
                        .containsPattern("livedrop_notification_connections\\{[^}]*transport=\"sse\"[^}]*} [1-9]")
                        .contains("livedrop_notification_delivery_seconds_bucket{")
                        .containsPattern("livedrop_notification_delivery_seconds_count\\{[^}]*transport=\"sse\"")
                        .containsPattern("livedrop_notification_replayed_events_total\\{[^}]*} [1-9]");
            }
        }
    }
}

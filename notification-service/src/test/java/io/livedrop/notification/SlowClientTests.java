package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.notification.support.Events;
import io.livedrop.notification.support.SseClient;
import io.livedrop.notification.support.StalledClient;
import io.livedrop.notification.support.WsClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A client that stops reading never holds up the others: its own queue fills, it is closed (and
 * would resume later with its last id), while a healthy follower of the same creator gets every
 * frame. Frames are made large (long titles) so the stalled socket's buffers fill quickly.
 */
class SlowClientTests extends NotificationIntegrationTest {

    private static final int EVENTS = 60;
    private static final String LONG_TITLE = "x".repeat(16_000);

    @Autowired
    private MeterRegistry meters;

    @Test
    void aStalledWebSocketIsClosedWhileAHealthyOneGetsEverything() {
        String creator = id();
        String stalledUser = id();
        String healthyUser = id();
        follow(stalledUser, creator);
        follow(healthyUser, creator);
        double droppedBefore = dropped("websocket");

        try (StalledClient stalled = StalledClient.webSocket(port, tokens.realtimeToken(stalledUser));
                WsClient healthy = webSocket(healthyUser)) {
            assertThat(stalled.responseHead()).startsWith("HTTP/1.1 101");
            awaitConnections(stalledUser, 1);
            await().atMost(PATIENCE).until(() -> registry.subscribers(creator) == 2);

            List<String> published = publishBurst(creator);

            List<String> received = healthy.next(EVENTS, PATIENCE).stream()
                    .map(frame -> frame.path("id").asString())
                    .toList();
            assertThat(received).containsExactlyElementsOf(published);
            awaitConnections(stalledUser, 0);
            assertThat(dropped("websocket")).isGreaterThan(droppedBefore);
            assertThat(registry.connectionsOf(healthyUser)).isEqualTo(1);
        }
    }

    @Test
    void aStalledSseStreamIsClosedWhileAHealthyOneGetsEverything() {
        String creator = id();
        String stalledUser = id();
        String healthyUser = id();
        follow(stalledUser, creator);
        follow(healthyUser, creator);
        double droppedBefore = dropped("sse");

        try (StalledClient stalled = StalledClient.sse(port, tokens.realtimeToken(stalledUser));
                SseClient healthy = sse(healthyUser, null)) {
            assertThat(stalled.responseHead()).startsWith("HTTP/1.1 200");
            awaitConnections(stalledUser, 1);
            await().atMost(PATIENCE).until(() -> registry.subscribers(creator) == 2);

            List<String> published = publishBurst(creator);

            List<String> received = healthy.next(EVENTS, PATIENCE).stream()
                    .map(SseClient.Event::id)
                    .toList();
            assertThat(received).containsExactlyElementsOf(published);
            awaitConnections(stalledUser, 0);
            assertThat(dropped("sse")).isGreaterThan(droppedBefore);
        }
    }

    private List<String> publishBurst(String creator) {
        List<UUID> eventIds = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            eventIds.add(events.dropStarted(Events.drop(creator, LONG_TITLE)));
        }
        // events of different drops travel on different partitions: frames come in id (storage) order
        return eventIds.stream()
                .map(this::awaitStored)
                .sorted((left, right) -> Long.compare(Long.parseLong(left), Long.parseLong(right)))
                .toList();
    }

    private double dropped(String transport) {
        return meters
                .find("livedrop.notification.slow.clients.dropped")
                .tag("transport", transport)
                .tag("reason", "fell_behind")
                .counters()
                .stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }
}

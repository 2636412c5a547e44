package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.notification.support.Events;
import io.livedrop.notification.support.SseClient;
import io.livedrop.notification.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Disconnect, events happen, reconnect with the last id: exactly the missed events, in order, then
 * live ones — no gap, no duplicate.
 */
class ResumeTests extends NotificationIntegrationTest {

    @Test
    void webSocketReconnectingWithTheLastIdGetsExactlyTheMissedEventsInOrder() {
        String user = id();
        String creator = id();
        follow(user, creator);
        String lastSeen;
        try (WsClient socket = webSocket(user)) {
            events.orderConfirmed(user, id(), id());
            lastSeen = socket.next(PATIENCE).path("id").asString();
        }
        awaitConnections(user, 0);
        // while offline: personal and broadcast events interleaved (more than one replay page)
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            missed.add(awaitStored(events.orderConfirmed(user, id(), id())));
            missed.add(awaitStored(events.dropStarted(Events.drop(creator))));
        }

        try (WsClient socket = webSocket(user, lastSeen)) {
            List<String> replayed = ids(socket.next(missed.size(), PATIENCE));
            String live = awaitStored(events.orderConfirmed(user, id(), id()));

            assertThat(replayed).containsExactlyElementsOf(missed);
            assertThat(socket.next(PATIENCE).path("id").asString()).isEqualTo(live);
        }
    }

    @Test
    void sseReconnectingWithLastEventIdGetsExactlyTheMissedEvents() {
        String user = id();
        String lastSeen;
        try (SseClient stream = sse(user, null)) {
            events.orderConfirmed(user, id(), id());
            lastSeen = stream.next(PATIENCE).id();
        }
        awaitConnections(user, 0);
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            missed.add(awaitStored(events.orderConfirmed(user, id(), id())));
        }

        try (SseClient stream = sse(user, lastSeen)) {
            List<String> replayed = stream.next(missed.size(), PATIENCE).stream()
                    .map(SseClient.Event::id)
                    .toList();
            String live = awaitStored(events.orderConfirmed(user, id(), id()));

            assertThat(replayed).containsExactlyElementsOf(missed);
            assertThat(stream.next(PATIENCE).id()).isEqualTo(live);
        }
    }

    /** Reconnecting while events keep coming: replay and live meet without a gap or a duplicate. */
    @RepeatedTest(3)
    void resumingDuringABurstLosesAndRepeatsNothing() throws Exception {
        String user = id();
        String creator = id();
        follow(user, creator);
        int total = 60;
        List<UUID> published = new ArrayList<>();
        CountDownLatch halfway = new CountDownLatch(1);
        List<JsonNode> received = new ArrayList<>();
        WsClient first = webSocket(user);
        CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < total; i++) {
                published.add(
                        i % 3 == 0
                                ? events.dropStarted(Events.drop(creator))
                                : events.orderConfirmed(user, id(), id()));
                if (i == total / 3) {
                    halfway.countDown();
                }
            }
        });
        assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();
        received.add(first.next(PATIENCE));
        received.addAll(first.drain());
        first.close();
        awaitConnections(user, 0);
        String lastSeen = received.getLast().path("id").asString();

        try (WsClient second = webSocket(user, lastSeen)) {
            burst.get(60, TimeUnit.SECONDS);
            List<String> expected = published.stream()
                    .map(this::awaitStored)
                    .sorted(ResumeTests::byId)
                    .toList();
            int missing = expected.size() - received.size();
            received.addAll(second.next(missing, PATIENCE));
            second.drain().forEach(received::add);

            assertThat(ids(received)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aReplayOnlyContainsBroadcastsFromAfterTheFollow() {
        String user = id();
        String creator = id();
        String before = awaitStored(events.dropStarted(Events.drop(creator)));
        follow(user, creator);
        String after = awaitStored(events.dropStarted(Events.drop(creator)));

        try (WsClient socket = webSocket(user, "0")) {
            assertThat(socket.next(PATIENCE).path("id").asString()).isEqualTo(after);
            String marker = awaitStored(events.orderConfirmed(user, id(), id()));
            assertThat(socket.next(PATIENCE).path("id").asString()).isEqualTo(marker);
        }
        assertThat(Long.parseLong(before)).isLessThan(Long.parseLong(after));
    }

    @Test
    void aMalformedLastEventIdIsRefused() {
        String token = tokens.realtimeToken(id());
        assertThat(WsClient.handshakeStatus(wsUrl(), token, "not-an-id")).isEqualTo(400);

        try (SseClient refused = SseClient.connect(httpUrl(), token, "12abc")) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.problem().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        }
    }

    private static List<String> ids(List<JsonNode> frames) {
        return frames.stream().map(frame -> frame.path("id").asString()).toList();
    }

    private static int byId(String left, String right) {
        return Long.compare(Long.parseLong(left), Long.parseLong(right));
    }
}

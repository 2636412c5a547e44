package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.events.QueueUpdated;
import io.livedrop.common.events.QueueUpdated.Ticket;
import io.livedrop.common.events.QueueUpdated.TicketUpdate;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.test.TestEvents;
import io.livedrop.notification.support.SseClient;
import io.livedrop.notification.support.WsClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The waiting room's frames: {@code queue.updated} events on Kafka become {@code queue.position} /
 * {@code queue.admitted} frames on the ticket holder's open WebSocket and SSE streams — live only:
 * never listed, never replayed, and a resume with their id loses no stored notification.
 */
class QueueFramesTests extends NotificationIntegrationTest {

    /** The queue listener starts at the end of the topic: events sent before it has its partitions are not for it. */
    private static volatile boolean queueListenerReady;

    @BeforeEach
    void awaitQueueListenerReady() {
        if (queueListenerReady) {
            return;
        }
        String probe = id();
        try (WsClient socket = webSocket(probe)) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        publish(probe, waiting(id(), 1), TestEvents.now());
                        return !socket.drain().isEmpty();
                    });
        }
        queueListenerReady = true;
    }

    @Test
    void theHolderReceivesTheirPositionThenTheirAdmissionOnEveryStream() {
        String holder = id();
        String bystander = id();
        String dropId = id();
        String ticketId = id();
        Ticket waiting = new Ticket(ticketId, dropId, "waiting", 42L, 84L, null, null, TestEvents.now());
        Ticket admitted = new Ticket(
                ticketId,
                dropId,
                "admitted",
                0L,
                0L,
                "admission-token-of-holder",
                TestEvents.now().plusSeconds(120),
                waiting.joinedAt());
        try (WsClient socket = webSocket(holder);
                SseClient stream = sse(holder, null);
                WsClient other = webSocket(bystander)) {
            Instant positionTime = TestEvents.now();
            events.publish(
                    Ids.newId(),
                    QueueUpdated.TOPIC,
                    dropId,
                    new QueueUpdated(
                            dropId,
                            List.of(
                                    new TicketUpdate(holder, waiting),
                                    new TicketUpdate(
                                            id(), new Ticket(id(), dropId, "waiting", 43L, 86L, null, null, null)))),
                    positionTime);
            Instant admittedTime = TestEvents.now();
            publish(holder, admitted, admittedTime);

            List<JsonNode> frames = socket.next(2, PATIENCE);
            assertFrame(frames.get(0), "queue.position", positionTime, waiting);
            assertFrame(frames.get(1), "queue.admitted", admittedTime, admitted);
            assertThat(frames.get(0).path("id").asString())
                    .isNotEqualTo(frames.get(1).path("id").asString());

            List<SseClient.Event> sseEvents = stream.next(2, PATIENCE);
            assertFrame(sseEvents.get(0).json(), "queue.position", positionTime, waiting);
            assertFrame(sseEvents.get(1).json(), "queue.admitted", admittedTime, admitted);
            assertThat(sseEvents.get(1).id())
                    .isEqualTo(sseEvents.get(1).json().path("id").asString());

            // the bystander's own ticket is the first thing they get: nobody else's came before it
            Ticket theirs = waiting(dropId, 7);
            publish(bystander, theirs, TestEvents.now());
            JsonNode first = other.next(PATIENCE);
            assertThat(first.path("data").path("ticketId").asString()).isEqualTo(theirs.ticketId());
            assertThat(other.drain()).isEmpty();
        }
    }

    @Test
    void queueFramesAreNeitherListedNorUnreadNorStored() throws Exception {
        String holder = id();
        try (WsClient socket = webSocket(holder)) {
            String stored = awaitStored(events.orderConfirmed(holder, id(), id()));
            assertThat(socket.next(PATIENCE).path("id").asString()).isEqualTo(stored);
            publish(holder, waiting(id(), 3), TestEvents.now());
            assertThat(socket.next(PATIENCE).path("type").asString()).isEqualTo("queue.position");
        }

        JsonNode page = NotificationApi.json(api.get(holder, "/api/notifications"));
        List<String> types = new ArrayList<>();
        page.path("items").forEach(item -> types.add(item.path("type").asString()));
        assertThat(types).containsExactly("order.confirmed");
        assertThat(page.path("unreadCount").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from inbox_notification where user_id = :u")
                        .param("u", holder)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void positionsOfOneTicketGoOutAtMostOnceASecondAndTheNewestIsNotLost() {
        String holder = id();
        String dropId = id();
        String ticketId = id();
        try (WsClient socket = webSocket(holder)) {
            for (long position = 5; position >= 3; position--) {
                publish(
                        holder,
                        new Ticket(ticketId, dropId, "waiting", position, position, null, null, null),
                        TestEvents.now());
            }

            JsonNode first = socket.next(PATIENCE);
            long firstAt = System.nanoTime();
            JsonNode second = socket.next(PATIENCE);
            long gapMillis = (System.nanoTime() - firstAt) / 1_000_000;

            assertThat(first.path("data").path("position").asLong()).isEqualTo(5);
            // 4 was superseded while held; 3, the newest, follows when the second is over
            assertThat(second.path("data").path("position").asLong()).isEqualTo(3);
            assertThat(gapMillis).isGreaterThan(500);
            await().during(Duration.ofMillis(1500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> socket.drain().isEmpty());
        }
    }

    @Test
    void anAdmissionIsNeverHeldBackNorFollowedByAnOlderPosition() {
        String holder = id();
        String dropId = id();
        String ticketId = id();
        try (WsClient socket = webSocket(holder)) {
            publish(holder, new Ticket(ticketId, dropId, "waiting", 2L, 2L, null, null, null), TestEvents.now());
            publish(holder, new Ticket(ticketId, dropId, "waiting", 1L, 1L, null, null, null), TestEvents.now());
            publish(holder, new Ticket(ticketId, dropId, "admitted", 0L, 0L, "t", null, null), TestEvents.now());

            List<JsonNode> frames = socket.next(2, PATIENCE);

            assertThat(frames)
                    .extracting(frame -> frame.path("type").asString())
                    .containsExactly("queue.position", "queue.admitted");
            await().during(Duration.ofMillis(1500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> socket.drain().isEmpty());
        }
    }

    @Test
    void aWebSocketResumingWithALiveFrameIdGetsTheStoredNotificationsAfterThePreviousStoredOne() {
        String holder = id();
        String lastStored;
        String liveId;
        try (WsClient socket = webSocket(holder)) {
            lastStored = awaitStored(events.orderConfirmed(holder, id(), id()));
            assertThat(socket.next(PATIENCE).path("id").asString()).isEqualTo(lastStored);
            publish(holder, waiting(id(), 9), TestEvents.now());
            liveId = socket.next(PATIENCE).path("id").asString();
        }
        awaitConnections(holder, 0);
        assertThat(liveId).startsWith(lastStored + ".");
        List<String> missed = missedWhileOffline(holder);

        try (WsClient socket = webSocket(holder, liveId)) {
            List<String> replayed = socket.next(missed.size(), PATIENCE).stream()
                    .map(frame -> frame.path("id").asString())
                    .toList();
            String live = awaitStored(events.orderConfirmed(holder, id(), id()));

            assertThat(replayed).containsExactlyElementsOf(missed);
            assertThat(socket.next(PATIENCE).path("id").asString()).isEqualTo(live);
        }
    }

    @Test
    void anSseStreamResumingWithALiveFrameIdAsLastEventIdGetsTheStoredNotificationsAfterThePreviousStoredOne() {
        String holder = id();
        String lastStored;
        String liveId;
        try (SseClient stream = sse(holder, null)) {
            lastStored = awaitStored(events.orderConfirmed(holder, id(), id()));
            assertThat(stream.next(PATIENCE).id()).isEqualTo(lastStored);
            publish(holder, waiting(id(), 9), TestEvents.now());
            liveId = stream.next(PATIENCE).id(); // what a browser sends back as Last-Event-ID
        }
        awaitConnections(holder, 0);
        List<String> missed = missedWhileOffline(holder);

        try (SseClient stream = sse(holder, liveId)) {
            assertThat(stream.next(missed.size(), PATIENCE))
                    .extracting(SseClient.Event::id)
                    .containsExactlyElementsOf(missed);
        }
    }

    @Test
    void aFreshConnectionsLiveFrameIdResumesFromWhereItStarted() {
        String holder = id();
        String liveId;
        try (WsClient socket = webSocket(holder)) {
            publish(holder, waiting(id(), 1), TestEvents.now());
            liveId = socket.next(PATIENCE).path("id").asString();
        }
        awaitConnections(holder, 0);
        List<String> missed = missedWhileOffline(holder);

        try (WsClient socket = webSocket(holder, liveId)) {
            assertThat(socket.next(missed.size(), PATIENCE))
                    .extracting(frame -> frame.path("id").asString())
                    .containsExactlyElementsOf(missed);
        }
    }

    @Test
    void aLiveFrameIdThatIsNotOneIsRefusedLikeAnyMalformedId() {
        String token = tokens.realtimeToken(id());
        assertThat(WsClient.handshakeStatus(wsUrl(), token, "12.not-a-uuid")).isEqualTo(400);
        try (SseClient refused = SseClient.connect(httpUrl(), token, ".0193a1b2-0000-7000-8000-000000000000")) {
            assertThat(refused.status()).isEqualTo(400);
        }
    }

    @Test
    void prometheusCountsTheQueueFramesSent() throws Exception {
        String holder = id();
        try (WsClient socket = webSocket(holder)) {
            publish(holder, waiting(id(), 1), TestEvents.now());
            socket.next(PATIENCE);
        }

        String metrics = api.prometheus();

        assertThat(metrics)
                .containsPattern(
                        "livedrop_notification_live_frames_total\\{[^}]*transport=\"websocket\",type=\"queue.position\"[^}]*} [1-9]")
                .contains("livedrop_notification_queue_positions_superseded_total");
    }

    private List<String> missedWhileOffline(String holder) {
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            missed.add(awaitStored(events.orderConfirmed(holder, id(), id())));
        }
        return missed;
    }

    private void publish(String userId, Ticket ticket, Instant time) {
        events.publish(
                Ids.newId(),
                QueueUpdated.TOPIC,
                ticket.dropId(),
                new QueueUpdated(ticket.dropId(), List.of(new TicketUpdate(userId, ticket))),
                time);
    }

    private static Ticket waiting(String dropId, long position) {
        return new Ticket(id(), dropId, "waiting", position, position * 2, null, null, TestEvents.now());
    }

    private static void assertFrame(JsonNode frame, String type, Instant createdAt, Ticket ticket) {
        assertThat(frame.path("type").asString()).isEqualTo(type);
        assertThat(frame.path("id").asString()).isNotBlank();
        assertThat(Instant.parse(frame.path("createdAt").asString())).isEqualTo(createdAt);
        JsonNode data = frame.path("data");
        assertThat(data.path("ticketId").asString()).isEqualTo(ticket.ticketId());
        assertThat(data.path("dropId").asString()).isEqualTo(ticket.dropId());
        assertThat(data.path("status").asString()).isEqualTo(ticket.status());
        assertThat(data.path("position").asLong()).isEqualTo(ticket.position());
        assertThat(data.path("estimatedWaitSeconds").asLong()).isEqualTo(ticket.estimatedWaitSeconds());
        if (ticket.admissionToken() == null) {
            assertThat(data.path("admissionToken").isNull()).isTrue();
        } else {
            assertThat(data.path("admissionToken").asString()).isEqualTo(ticket.admissionToken());
            assertThat(Instant.parse(data.path("admissionExpiresAt").asString()))
                    .isEqualTo(ticket.admissionExpiresAt());
        }
        assertThat(Instant.parse(data.path("joinedAt").asString())).isEqualTo(ticket.joinedAt());
    }
}

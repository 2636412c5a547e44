package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.events.DropStarted;
import io.livedrop.common.events.OrderCreated;
import io.livedrop.common.events.PaymentFailed;
import io.livedrop.common.events.SoldOut;
import io.livedrop.common.events.StockLow;
import io.livedrop.notification.support.Events;
import io.livedrop.notification.support.SseClient;
import io.livedrop.notification.support.WsClient;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Live delivery to real WebSocket and SSE clients: who gets which event, with which data. */
class RealtimeDeliveryTests extends NotificationIntegrationTest {

    @Test
    void followerOnlineReceivesDropStartedOverWebSocket() {
        String follower = id();
        String creator = id();
        follow(follower, creator);
        try (WsClient socket = webSocket(follower)) {
            DropStarted drop = Events.drop(creator, "Golden hoodie");
            UUID eventId = events.dropStarted(drop);

            JsonNode frame = socket.next(PATIENCE);

            assertThat(frame.path("id").asString()).isEqualTo(awaitStored(eventId));
            assertThat(frame.path("type").asString()).isEqualTo("drop.started");
            assertThat(Instant.parse(frame.path("createdAt").asString())).isNotNull();
            JsonNode data = frame.path("data");
            assertThat(data.path("dropId").asString()).isEqualTo(drop.dropId());
            assertThat(data.path("productId").asString()).isEqualTo(drop.productId());
            assertThat(data.path("creatorId").asString()).isEqualTo(creator);
            assertThat(data.path("title").asString()).isEqualTo("Golden hoodie");
            assertThat(Instant.parse(data.path("startsAt").asString())).isEqualTo(drop.startsAt());
            assertThat(Instant.parse(data.path("endsAt").asString())).isEqualTo(drop.endsAt());
            assertThat(data.path("available").asInt()).isEqualTo(100);
        }
    }

    @Test
    void buyerReceivesOrderConfirmedOverSse() {
        String buyer = id();
        String orderId = id();
        String dropId = id();
        try (SseClient stream = sse(buyer, null)) {
            UUID eventId = events.orderConfirmed(buyer, orderId, dropId);

            SseClient.Event event = stream.next(PATIENCE);

            assertThat(event.name()).isNull();
            assertThat(event.id()).isEqualTo(awaitStored(eventId));
            JsonNode frame = event.json();
            assertThat(frame.path("id").asString()).isEqualTo(event.id());
            assertThat(frame.path("type").asString()).isEqualTo("order.confirmed");
            JsonNode data = frame.path("data");
            assertThat(data.path("orderId").asString()).isEqualTo(orderId);
            assertThat(data.path("dropId").asString()).isEqualTo(dropId);
            assertThat(data.path("quantity").asInt()).isEqualTo(2);
            assertThat(data.path("totalCents").asLong()).isEqualTo(2_000);
            assertThat(data.path("currency").asString()).isEqualTo("EUR");
        }
    }

    @Test
    void personalNotificationsReachOnlyTheirUserOnEveryOpenConnection() {
        String buyer = id();
        String someoneElse = id();
        try (WsClient phone = webSocket(buyer);
                SseClient laptop = sse(buyer, null);
                WsClient other = webSocket(someoneElse)) {
            events.orderConfirmed(buyer, id(), id());
            String marker = awaitStored(events.orderConfirmed(someoneElse, id(), id()));

            assertThat(phone.next(PATIENCE).path("type").asString()).isEqualTo("order.confirmed");
            assertThat(laptop.next(PATIENCE).json().path("type").asString()).isEqualTo("order.confirmed");
            // the other user's only frame is their own order: the buyer's never reached them
            assertThat(other.next(PATIENCE).path("id").asString()).isEqualTo(marker);
            assertThat(phone.drain()).isEmpty();
        }
    }

    @Test
    void stockLowAndSoldOutCarryTheSummaryOfTheirDrop() {
        String follower = id();
        String creator = id();
        follow(follower, creator);
        DropStarted drop = Events.drop(creator, "Signed vinyl");
        events.dropScheduled(drop);
        try (WsClient socket = webSocket(follower)) {
            events.publish(StockLow.TOPIC, drop.dropId(), new StockLow(drop.dropId(), 4, 5));
            events.publish(SoldOut.TOPIC, drop.dropId(), new SoldOut(drop.dropId()));

            JsonNode stockLow = socket.next(PATIENCE);
            JsonNode soldOut = socket.next(PATIENCE);

            assertThat(stockLow.path("type").asString()).isEqualTo("stock.low");
            assertThat(stockLow.path("data").path("title").asString()).isEqualTo("Signed vinyl");
            assertThat(stockLow.path("data").path("creatorId").asString()).isEqualTo(creator);
            assertThat(stockLow.path("data").path("productId").asString()).isEqualTo(drop.productId());
            assertThat(stockLow.path("data").path("available").asInt()).isEqualTo(4);
            assertThat(soldOut.path("type").asString()).isEqualTo("sold_out");
            assertThat(soldOut.path("data").path("dropId").asString()).isEqualTo(drop.dropId());
            assertThat(soldOut.path("data").path("available").asInt()).isZero();
        }
    }

    @Test
    void stockLowThatArrivesBeforeItsDropIsDeliveredOnceTheDropIsKnown() {
        String follower = id();
        String creator = id();
        follow(follower, creator);
        DropStarted drop = Events.drop(creator, "Early bird");
        try (WsClient socket = webSocket(follower)) {
            UUID stockLow = events.publish(StockLow.TOPIC, drop.dropId(), new StockLow(drop.dropId(), 3, 5));
            await().atMost(PATIENCE).until(() -> pendingFor(drop.dropId()) == 1);

            events.dropScheduled(drop);

            JsonNode frame = socket.next(PATIENCE);
            assertThat(frame.path("type").asString()).isEqualTo("stock.low");
            assertThat(frame.path("id").asString()).isEqualTo(awaitStored(stockLow));
            assertThat(frame.path("data").path("title").asString()).isEqualTo("Early bird");
            assertThat(pendingFor(drop.dropId())).isZero();
        }
    }

    @Test
    void followingWhileConnectedStartsDeliveryAndUnfollowingStopsIt() {
        String user = id();
        String creator = id();
        try (WsClient socket = webSocket(user)) {
            follow(user, creator);
            await().atMost(PATIENCE).until(() -> registry.subscribers(creator) == 1);
            UUID first = events.dropStarted(Events.drop(creator));
            assertThat(socket.next(PATIENCE).path("id").asString()).isEqualTo(awaitStored(first));

            unfollow(user, creator);
            await().atMost(PATIENCE).until(() -> registry.subscribers(creator) == 0);
            awaitStored(events.dropStarted(Events.drop(creator)));
            String marker = awaitStored(events.orderConfirmed(user, id(), id()));

            // the next frame is the order: the second drop was not delivered
            assertThat(socket.next(PATIENCE).path("id").asString()).isEqualTo(marker);
        }
    }

    @Test
    void paymentFailedTellsTheOrdersDropQuantityAndWhy() {
        String buyer = id();
        String orderId = id();
        String dropId = id();
        events.publish(
                OrderCreated.TOPIC,
                orderId,
                new OrderCreated(orderId, buyer, dropId, 3, 4_500, "EUR", "pending_payment", Instant.now()));
        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("select count(*) from order_summary where order_id = :o")
                                .param("o", orderId)
                                .query(Long.class)
                                .single()
                        == 1);
        try (WsClient socket = webSocket(buyer)) {
            events.publish(
                    PaymentFailed.TOPIC,
                    orderId,
                    new PaymentFailed(id(), orderId, buyer, 4_500, "EUR", "card_declined"));

            JsonNode frame = socket.next(PATIENCE);

            assertThat(frame.path("type").asString()).isEqualTo("payment.failed");
            JsonNode data = frame.path("data");
            assertThat(data.path("orderId").asString()).isEqualTo(orderId);
            assertThat(data.path("dropId").asString()).isEqualTo(dropId);
            assertThat(data.path("quantity").asInt()).isEqualTo(3);
            assertThat(data.path("totalCents").asLong()).isEqualTo(4_500);
            assertThat(data.path("currency").asString()).isEqualTo("EUR");
            assertThat(data.path("failureCode").asString()).isEqualTo("card_declined");
        }
    }

    @Test
    void idleWebSocketsArePingedAndSseStreamsGetHeartbeats() {
        String user = id();
        try (WsClient socket = webSocket(user);
                SseClient stream = sse(user, null)) {
            int connectedComment = 1;
            await().atMost(PATIENCE).until(() -> socket.pings() >= 2 && stream.comments() >= connectedComment + 2);
            // answered pings keep the socket open
            assertThat(socket.closeCode()).isNotDone();
            assertThat(registry.connectionsOf(user)).isEqualTo(2);
        }
    }

    @Test
    void aClosedClientIsForgotten() {
        String user = id();
        WsClient socket = webSocket(user);
        SseClient stream = sse(user, null);

        socket.close();
        stream.close();

        await().atMost(PATIENCE).until(() -> registry.connectionsOf(user) == 0);
    }

    private long pendingFor(String dropId) {
        return jdbc.sql("select count(*) from pending_broadcast where drop_id = :d")
                .param("d", dropId)
                .query(Long.class)
                .single();
    }
}

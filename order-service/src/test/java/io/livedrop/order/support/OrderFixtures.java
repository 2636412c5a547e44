package io.livedrop.order.support;

import static org.awaitility.Awaitility.await;

import io.livedrop.common.events.DropScheduled;
import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.EventEnvelope;
import io.livedrop.common.events.PaymentFailed;
import io.livedrop.common.events.PaymentSucceeded;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.test.TestJwtIssuer;
import io.livedrop.order.OrderApi;
import io.livedrop.order.purchase.domain.Order;
import io.livedrop.order.purchase.persistence.OrderRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Test data the way it arrives in production: drops from drop.scheduled, payments from Kafka; orders go
 * through {@link OrderApi}.
 */
@TestComponent
public class OrderFixtures {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec;
    private final JdbcClient jdbc;
    private final OrderRepository orders;
    private final TestJwtIssuer tokens;
    private final Environment environment;

    OrderFixtures(
            KafkaTemplate<String, String> kafka,
            EventCodec codec,
            JdbcClient jdbc,
            OrderRepository orders,
            TestJwtIssuer tokens,
            Environment environment) {
        this.kafka = kafka;
        this.codec = codec;
        this.jdbc = jdbc;
        this.orders = orders;
        this.tokens = tokens;
        this.environment = environment;
    }

    /** The service's HTTP API on the port the test context listens on. */
    public OrderApi api() {
        return new OrderApi(environment.getRequiredProperty("local.server.port", Integer.class), tokens);
    }

    public String newUser() {
        return Ids.newId().toString();
    }

    public String token(String userId) {
        return tokens.userToken(userId);
    }

    /** A live drop known to both order-service (via drop.scheduled) and the inventory stub. */
    public String liveDrop(int stock, int perUserLimit, long priceCents) {
        String dropId = Ids.newId().toString();
        InventoryStub.shared().addLiveDrop(dropId, stock, perUserLimit);
        scheduleDrop(
                dropId,
                priceCents,
                Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(3600),
                perUserLimit,
                stock);
        return dropId;
    }

    /** A live drop whose waiting room is on: orders need an admission token. */
    public String liveDropWithWaitingRoom(int stock, int perUserLimit, long priceCents) {
        String dropId = Ids.newId().toString();
        InventoryStub.shared().addLiveDrop(dropId, stock, perUserLimit);
        scheduleDrop(
                dropId,
                priceCents,
                Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(3600),
                perUserLimit,
                stock,
                true);
        return dropId;
    }

    public void scheduleDrop(
            String dropId, long priceCents, Instant startsAt, Instant endsAt, int perUserLimit, int stock) {
        scheduleDrop(dropId, priceCents, startsAt, endsAt, perUserLimit, stock, false);
    }

    public void scheduleDrop(
            String dropId,
            long priceCents,
            Instant startsAt,
            Instant endsAt,
            int perUserLimit,
            int stock,
            boolean waitingRoom) {
        var drop = new DropScheduled(
                dropId,
                "product-" + dropId,
                "creator-1",
                startsAt,
                endsAt,
                stock,
                null,
                perUserLimit,
                priceCents,
                "EUR",
                "A drop",
                waitingRoom);
        publish(DropScheduled.TOPIC, dropId, drop);
        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("select count(*) from drop_info where drop_id = :id")
                                .param("id", dropId)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    public UUID paymentSucceeded(String orderId, String paymentId, String userId, long amountCents) {
        return publish(
                PaymentSucceeded.TOPIC,
                orderId,
                new PaymentSucceeded(paymentId, orderId, userId, amountCents, "EUR", null));
    }

    public UUID paymentFailed(String orderId, String paymentId, String userId, long amountCents) {
        return publish(
                PaymentFailed.TOPIC,
                orderId,
                new PaymentFailed(paymentId, orderId, userId, amountCents, "EUR", "card_declined"));
    }

    /** Publishes an event as its producer's outbox relay would; returns the event id. */
    public UUID publish(String topic, String key, Object data) {
        return publishAt(topic, key, data, Instant.now());
    }

    /** Publishes an event that happened at {@code time} (e.g. an old one redelivered). */
    public UUID publishAt(String topic, String key, Object data, Instant time) {
        var envelope = EventEnvelope.of(Ids.newId(), "test", topic, time.truncatedTo(ChronoUnit.MICROS), key, data);
        kafka.send(topic, key, codec.write(envelope)).join();
        return envelope.id();
    }

    /** Waits until the consumer has processed (deduped and applied) the event. */
    public void awaitProcessed(String consumer, UUID eventId) {
        await().atMost(PATIENCE)
                .until(() ->
                        jdbc.sql("select count(*) from processed_event where consumer = :consumer and event_id = :id")
                                        .param("consumer", consumer)
                                        .param("id", eventId)
                                        .query(Long.class)
                                        .single()
                                == 1);
    }

    public Order order(String orderId) {
        return orders.find(UUID.fromString(orderId)).orElseThrow();
    }

    /** Topics of the events the outbox holds for this order, in order. */
    public List<String> eventsOf(String orderId) {
        return jdbc.sql("select topic from outbox_event where event_key = :key order by id")
                .param("key", orderId)
                .query(String.class)
                .list();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}

package io.livedrop.e2e.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.e2e.support.Api;
import io.livedrop.e2e.support.ApiResponse;
import io.livedrop.e2e.support.Fleet;
import io.livedrop.e2e.support.Users;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the commerce flows need around them: buyers, a live drop of a creator, and orders and payments
 * placed the way a client does (same Idempotency-Key on a retry after a 503).
 */
public final class Commerce {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Fleet fleet = Fleet.shared();
    private final Api api = Api.gateway();
    // sign-ups go straight to auth-service: the gateway rightly limits POST /api/auth/* per client IP,
    // and all our test users come from one IP
    private final Api auth = new Api(fleet.serviceUrl("auth-service"));

    Api api() {
        return api;
    }

    public Users.User buyer() {
        return Users.register(auth, "E2E Buyer");
    }

    /** A drop of a new creator that is live (catalog says so) with this stock and per-user limit. */
    public String liveDrop(int stock, int perUserLimit, long priceCents) {
        Users.User creator = Users.register(auth, "E2E Creator");
        String handle = "e2e" + HexFormat.of().formatHex(RANDOM.generateSeed(5));
        ApiResponse profile = api.post(
                "/api/creators", Map.of("handle", handle, "displayName", "E2E Creator"), creator.accessToken());
        assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
        ApiResponse product = api.post(
                "/api/products",
                Map.of("title", "E2E Sneaker", "description", "Limited", "priceCents", priceCents, "currency", "EUR"),
                creator.accessToken());
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        Instant startsAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        ApiResponse drop = api.post(
                "/api/drops",
                Map.of(
                        "productId", product.text("id"),
                        "startsAt", startsAt.toString(),
                        "endsAt", startsAt.plus(Duration.ofHours(1)).toString(),
                        "initialStock", stock,
                        "perUserLimit", perUserLimit),
                creator.accessToken());
        assertThat(drop.status()).as(drop.toString()).isEqualTo(201);
        String dropId = drop.text("id");
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "live".equals(api.get("/api/drops/" + dropId, null).text("status")));
        return dropId;
    }

    /** One attempt, as sent. */
    ApiResponse placeOrder(Users.User buyer, String key, String dropId, int quantity) {
        return api.post(
                "/api/orders",
                Map.of("dropId", dropId, "quantity", quantity),
                buyer.accessToken(),
                Map.of("Idempotency-Key", key));
    }

    /**
     * Places an order like a well-behaved client: a 503 (a 5xx is never stored) is retried with the same
     * key, e.g. while order-service has not yet heard of a drop that just went live. Returns the final
     * answer.
     */
    ApiResponse placeOrderRetrying(Users.User buyer, String dropId, int quantity) {
        String key = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(PATIENCE);
        ApiResponse response = placeOrder(buyer, key, dropId, quantity);
        while ((response.status() == 503 || response.status() == 429)
                && Instant.now().isBefore(deadline)) {
            sleep(300);
            response = placeOrder(buyer, key, dropId, quantity);
        }
        return response;
    }

    public String placedOrder(Users.User buyer, String dropId, int quantity) {
        ApiResponse response = placeOrderRetrying(buyer, dropId, quantity);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.text("status")).isEqualTo("pending_payment");
        return response.text("id");
    }

    public ApiResponse pay(Users.User buyer, String orderId, String cardToken) {
        return api.post(
                "/api/payments",
                Map.of("orderId", orderId, "paymentMethod", Map.of("type", "card", "token", cardToken)),
                buyer.accessToken(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    ApiResponse order(Users.User user, String orderId) {
        return api.get("/api/orders/" + orderId, user.accessToken());
    }

    public void awaitStatus(Users.User buyer, String orderId, String status) {
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> status.equals(order(buyer, orderId).text("status")));
    }

    /** The drop's available stock as catalog serves it (may lag inventory by about a second). */
    int available(String dropId) {
        return api.get("/api/drops/" + dropId, null).body().path("available").asInt();
    }

    void awaitAvailable(String dropId, int expected) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> available(dropId) == expected);
    }

    public KafkaConsumer<String, String> consumerOf(String topic) {
        var consumer = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", fleet.kafkaBootstrapServers(),
                "group.id", "e2e-commerce-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    static ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer, String key) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                if (key.equals(record.key())) {
                    return record;
                }
            }
        }
        throw new AssertionError("no Kafka record with key " + key);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

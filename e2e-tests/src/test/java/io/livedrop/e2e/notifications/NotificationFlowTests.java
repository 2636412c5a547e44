package io.livedrop.e2e.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.e2e.support.Api;
import io.livedrop.e2e.support.ApiResponse;
import io.livedrop.e2e.support.Fleet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Notifications end to end, through the gateway, with every service involved: a creator schedules a
 * drop (catalog), fans follow (follower), the drop goes live on time and reaches connected followers
 * (notification); a buyer orders and pays (order, inventory, payment) and hears about it; a client
 * that was away resumes from its last id.
 */
class NotificationFlowTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Fleet fleet = Fleet.shared();
    private final Api api = Api.gateway();

    record Session(String userId, String accessToken) {}

    @Test
    void aConnectedFollowerGetsDropStartedWithinTwoSecondsOfStartsAt() {
        Session creator = creator();
        Session fan = user("fan");
        Session offlineFan = user("offline-fan");
        follow(fan, creator.userId());
        follow(offlineFan, creator.userId());
        Instant startsAt = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        String dropId = drop(creator, product(creator), startsAt, 1);

        try (RealtimeClient stream = RealtimeClient.webSocket(fleet.gatewayWebSocketUrl(), realtimeToken(fan), null)) {
            RealtimeClient.Received started = stream.next("drop.started", Duration.ofSeconds(60));

            assertThat(started.data().path("dropId").asString()).isEqualTo(dropId);
            assertThat(started.data().path("creatorId").asString()).isEqualTo(creator.userId());
            assertThat(Instant.parse(started.data().path("startsAt").asString()))
                    .isEqualTo(startsAt);
            // PRODUCT.md guarantee 4: at most 2 s from the event (the drop going live) to the client
            assertThat(Duration.between(startsAt, started.at())).isLessThanOrEqualTo(Duration.ofSeconds(2));
        }

        // the fan who was not connected finds it in their list
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode items = notifications(offlineFan).body().path("items");
            assertThat(items.size()).isPositive();
            assertThat(items.get(0).path("type").asString()).isEqualTo("drop.started");
            assertThat(items.get(0).path("data").path("dropId").asString()).isEqualTo(dropId);
        });
    }

    @Test
    void aBuyerGetsOrderConfirmedAndResumesWhatTheyMissedWithTheLastId() {
        Session creator = creator();
        String dropId = drop(creator, product(creator), Instant.now().plusSeconds(3), 5);
        awaitLive(dropId);
        Session buyer = user("buyer");

        String lastSeen;
        try (RealtimeClient socket =
                RealtimeClient.webSocket(fleet.gatewayWebSocketUrl(), realtimeToken(buyer), null)) {
            String orderId = orderAndPay(buyer, dropId, "tok_visa");

            RealtimeClient.Received confirmed = socket.next("order.confirmed", PATIENCE);

            assertThat(confirmed.data().path("orderId").asString()).isEqualTo(orderId);
            assertThat(confirmed.data().path("dropId").asString()).isEqualTo(dropId);
            assertThat(confirmed.data().path("quantity").asInt()).isEqualTo(1);
            assertThat(confirmed.data().path("currency").asString()).isEqualTo("EUR");
            lastSeen = confirmed.id();
        }

        // while the buyer is away: another confirmed order and a declined payment
        String secondOrder = orderAndPay(buyer, dropId, "tok_visa");
        String declinedOrder = orderAndPay(buyer, dropId, "tok_chargeDeclined");
        List<String> missed = await().atMost(PATIENCE).until(() -> newerThan(buyer, lastSeen), ids -> ids.size() >= 2);

        try (RealtimeClient stream = RealtimeClient.sse(fleet.gatewayUrl(), realtimeToken(buyer), lastSeen)) {
            List<RealtimeClient.Received> replayed = stream.next(missed.size(), PATIENCE);

            assertThat(replayed).extracting(RealtimeClient.Received::id).containsExactlyElementsOf(missed);
            assertThat(replayed)
                    .extracting(received -> received.data().path("orderId").asString())
                    .contains(secondOrder, declinedOrder);
            assertThat(replayed)
                    .extracting(RealtimeClient.Received::type)
                    .contains("order.confirmed", "payment.failed");
        }
    }

    @Test
    void aRealtimeTokenIsNoAccessTokenAndAnAccessTokenOpensNoStream() {
        Session user = user("tokens");

        ApiResponse withRealtimeToken = api.get("/api/notifications", realtimeToken(user));
        assertThat(withRealtimeToken.status()).isEqualTo(401);

        assertThat(api.get("/api/notifications", user.accessToken()).status()).isEqualTo(200);
        try {
            RealtimeClient.webSocket(fleet.gatewayWebSocketUrl(), user.accessToken(), null)
                    .close();
            throw new AssertionError("an access token opened a WebSocket");
        } catch (IllegalStateException refused) {
            assertThat(refused.getMessage()).contains("401");
        }
    }

    // --- the steps, through the public API ------------------------------------------------------

    private Session user(String name) {
        String email = name + "-" + UUID.randomUUID() + "@e2e.livedrop.io";
        ApiResponse registered = api.post(
                "/api/auth/register", Map.of("email", email, "password", "correct-horse-battery", "name", name), null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return new Session(registered.body().path("user").path("id").asString(), registered.text("accessToken"));
    }

    private Session creator() {
        Session user = user("creator");
        String handle = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ApiResponse created = api.post(
                "/api/creators", Map.of("handle", handle, "displayName", "Creator " + handle), user.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return user;
    }

    private String product(Session creator) {
        ApiResponse product = api.post(
                "/api/products",
                Map.of("title", "E2E hoodie", "description", "Soft", "priceCents", 4_900, "currency", "EUR"),
                creator.accessToken());
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        return product.text("id");
    }

    private String drop(Session creator, String productId, Instant startsAt, int perUserLimit) {
        ApiResponse drop = api.post(
                "/api/drops",
                Map.of(
                        "productId",
                        productId,
                        "startsAt",
                        startsAt.toString(),
                        "endsAt",
                        startsAt.plus(1, ChronoUnit.HOURS).toString(),
                        "initialStock",
                        100,
                        "perUserLimit",
                        perUserLimit),
                creator.accessToken());
        assertThat(drop.status()).as(drop.toString()).isEqualTo(201);
        return drop.text("id");
    }

    private void awaitLive(String dropId) {
        await().atMost(PATIENCE)
                .until(() -> "live".equals(api.get("/api/drops/" + dropId, null).text("status")));
    }

    private void follow(Session fan, String creatorId) {
        ApiResponse followed = api.post("/api/follows", Map.of("creatorId", creatorId), fan.accessToken());
        assertThat(followed.status()).as(followed.toString()).isIn(200, 201);
    }

    private String realtimeToken(Session user) {
        ApiResponse token = api.get("/api/realtime/token", user.accessToken());
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        return token.text("token");
    }

    /** Places an order and pays it with a test card token; returns the order id. */
    private String orderAndPay(Session buyer, String dropId, String cardToken) {
        ApiResponse order = api.post(
                "/api/orders",
                Map.of("dropId", dropId, "quantity", 1),
                buyer.accessToken(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String orderId = order.text("id");
        ApiResponse payment = api.post(
                "/api/payments",
                Map.of("orderId", orderId, "paymentMethod", Map.of("type", "card", "token", cardToken)),
                buyer.accessToken(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
        return orderId;
    }

    private ApiResponse notifications(Session user) {
        ApiResponse page = api.get("/api/notifications?limit=100", user.accessToken());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page;
    }

    /** Ids of the user's notifications after {@code lastSeen}, oldest first (the list is newest first). */
    private List<String> newerThan(Session user, String lastSeen) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : notifications(user).body().path("items")) {
            if (item.path("id").asString().equals(lastSeen)) {
                break;
            }
            ids.add(item.path("id").asString());
        }
        return ids.reversed();
    }
}

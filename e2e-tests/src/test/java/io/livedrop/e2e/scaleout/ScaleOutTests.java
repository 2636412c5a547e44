package io.livedrop.e2e.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.e2e.commerce.Commerce;
import io.livedrop.e2e.notifications.RealtimeClient;
import io.livedrop.e2e.support.Api;
import io.livedrop.e2e.support.ApiResponse;
import io.livedrop.e2e.support.Fleet;
import io.livedrop.e2e.support.Users;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of each of gateway, catalog, inventory, order, payment and notification on one
 * machine ({@code ./livedrop up --instances 2}; their own JVM and fleet, see the pom): calls are spread
 * over the instances, a drop starts once, a follower on either notification instance gets each event
 * once, two inventories on one hot drop never oversell, and losing one instance of each mid-sale loses
 * no order and strands no hold. Runs last: the final test stops the second instances.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTests {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final Fleet fleet = Fleet.shared();
    private final Commerce commerce = new Commerce();
    private final Api gateway1 = Api.gateway();
    private final Api gateway2 = new Api(Fleet.shared().serviceUrl("gateway-service", 2));
    private final Api auth = new Api(Fleet.shared().serviceUrl("auth-service"));

    @BeforeAll
    static void twoInstancesOfEach() {
        assertThat(Fleet.shared().instances()).isEqualTo(2);
    }

    @Test
    @Order(1)
    void bothGatewaysServeAndSpreadReadsOverBothCatalogs() {
        String dropId = commerce.liveDrop(5, 1, 1000);
        double before1 = Instances.requestsServed(fleet, "catalog-service", 1, "/api/drops/{id}");
        double before2 = Instances.requestsServed(fleet, "catalog-service", 2, "/api/drops/{id}");

        for (int i = 0; i < 20; i++) {
            // distinct query strings: the gateways' edge cache must not answer them
            assertThat(gateway1.get("/api/drops/" + dropId + "?n=" + i, null).status())
                    .isEqualTo(200);
            assertThat(gateway2.get("/api/drops/" + dropId + "?n=" + i, null).status())
                    .isEqualTo(200);
        }

        assertThat(Instances.requestsServed(fleet, "catalog-service", 1, "/api/drops/{id}") - before1)
                .as("catalog instance 1")
                .isPositive();
        assertThat(Instances.requestsServed(fleet, "catalog-service", 2, "/api/drops/{id}") - before2)
                .as("catalog instance 2")
                .isPositive();
    }

    @Test
    @Order(2)
    void aDropStartsExactlyOnceWhateverBothCatalogsDo() {
        try (KafkaConsumer<String, String> started = commerce.consumerOf("drop.started")) {
            String dropId = commerce.liveDrop(3, 1, 1000);

            // both catalogs' lifecycle schedulers have had several rounds since the start
            var records = Instances.recordsWithKey(started, dropId, Duration.ofSeconds(10));

            assertThat(records).as("drop.started records of " + dropId).hasSize(1);
        }
    }

    @Test
    @Order(3)
    void aFollowerOnEitherNotificationInstanceGetsEveryEventOnce() {
        Creator creator = creator();
        Users.User onFirst = follower(creator);
        Users.User onSecond = follower(creator);
        String ws1 = fleet.serviceUrl("notification-service", 1).replace("http", "ws");
        String ws2 = fleet.serviceUrl("notification-service", 2).replace("http", "ws");

        try (var first = RealtimeClient.webSocket(ws1, realtimeToken(onFirst), null);
                var second = RealtimeClient.webSocket(ws2, realtimeToken(onSecond), null)) {
            String dropId = creator.scheduleDrop(2);

            for (RealtimeClient stream : List.of(first, second)) {
                var frame = stream.next("drop.started", PATIENCE);
                assertThat(frame.data().path("dropId").asString()).isEqualTo(dropId);
                // and never a second time: the other instance delivered it to its own sockets only
                assertThat(stream.within(Duration.ofSeconds(5)))
                        .noneMatch(again -> again.type().equals("drop.started")
                                && again.data().path("dropId").asString().equals(dropId));
            }
        }
    }

    @Test
    @Order(4)
    void twoInventoriesOnOneHotDropNeverOversell() throws Exception {
        int stock = 10;
        String dropId = commerce.liveDrop(stock, 1, 500);
        List<Users.User> buyers = new ArrayList<>();
        for (int i = 0; i < 3 * stock; i++) {
            buyers.add(commerce.buyer());
        }

        List<ApiResponse> answers = placeConcurrently(buyers, dropId);

        long placed = answers.stream().filter(answer -> answer.status() == 201).count();
        assertThat(placed).as("orders placed").isEqualTo(stock);
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 201)
                .allSatisfy(answer -> assertThat(answer.code()).isEqualTo("SOLD_OUT"));
        assertThat(servedByEachInventory())
                .allSatisfy(served -> assertThat(served).isPositive());
    }

    @Test
    @Order(5)
    void losingOneInstanceOfEachMidSaleLosesNoOrderAndStrandsNoHold() throws Exception {
        int stock = 12;
        String dropId = commerce.liveDrop(stock, 1, 700);
        List<Users.User> buyers = new ArrayList<>();
        for (int i = 0; i < stock; i++) {
            buyers.add(commerce.buyer());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> sales = new ArrayList<>();
            for (Users.User buyer : buyers) {
                sales.add(pool.submit(() -> buyAndPay(buyer, dropId)));
            }
            Thread.sleep(1500);
            for (String service : List.of(
                    "gateway-service", "order-service", "inventory-service", "payment-service", "catalog-service")) {
                fleet.stop(Fleet.instanceName(service, 2));
            }
            List<String> orders = new ArrayList<>();
            for (Future<String> sale : sales) {
                orders.add(sale.get());
            }

            for (int i = 0; i < buyers.size(); i++) {
                commerce.awaitStatus(buyers.get(i), orders.get(i), "confirmed");
            }
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> gateway1.get("/api/drops/" + dropId + "?t=" + System.nanoTime(), null)
                                    .body()
                                    .path("available")
                                    .asInt()
                            == 0);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Orders and pays like a well-behaved client: same keys on 429/5xx/no answer, the other gateway if one is gone. */
    private String buyAndPay(Users.User buyer, String dropId) throws InterruptedException {
        String orderKey = UUID.randomUUID().toString();
        ApiResponse order = retried(
                List.of(gateway2, gateway1),
                api -> api.post(
                        "/api/orders",
                        Map.of("dropId", dropId, "quantity", 1),
                        buyer.accessToken(),
                        Map.of("Idempotency-Key", orderKey)));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String orderId = order.text("id");
        String paymentKey = UUID.randomUUID().toString();
        ApiResponse payment = retried(
                List.of(gateway2, gateway1),
                api -> api.post(
                        "/api/payments",
                        Map.of("orderId", orderId, "paymentMethod", Map.of("type", "card", "token", "tok_visa")),
                        buyer.accessToken(),
                        Map.of("Idempotency-Key", paymentKey)));
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
        return orderId;
    }

    /**
     * A call as a well-behaved client makes it: repeated (same request, same key) after 429, 5xx,
     * {@code IDEMPOTENCY_KEY_IN_USE} or no answer, taking the gateways in turn, until {@link #PATIENCE}.
     */
    private static ApiResponse retried(List<Api> gateways, java.util.function.Function<Api, ApiResponse> call)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        int attempt = 0;
        while (true) {
            Api api = gateways.get(attempt++ % gateways.size());
            try {
                ApiResponse answer = call.apply(api);
                boolean retry = answer.status() == 429
                        || answer.status() >= 500
                        || "IDEMPOTENCY_KEY_IN_USE".equals(answer.code());
                if (!retry || Instant.now().isAfter(deadline)) {
                    return answer;
                }
            } catch (RuntimeException unreachable) {
                if (Instant.now().isAfter(deadline)) {
                    throw unreachable;
                }
            }
            Thread.sleep(300);
        }
    }

    private List<ApiResponse> placeConcurrently(List<Users.User> buyers, String dropId) throws Exception {
        var answers = new ConcurrentLinkedQueue<ApiResponse>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < buyers.size(); i++) {
                Users.User buyer = buyers.get(i);
                Api api = i % 2 == 0 ? gateway1 : gateway2;
                String key = UUID.randomUUID().toString();
                calls.add(pool.submit(() -> answers.add(retried(
                        List.of(api),
                        through -> through.post(
                                "/api/orders",
                                Map.of("dropId", dropId, "quantity", 1),
                                buyer.accessToken(),
                                Map.of("Idempotency-Key", key))))));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(answers);
    }

    private List<Double> servedByEachInventory() {
        return List.of(1, 2).stream()
                .map(instance -> Instances.requestsServed(
                        fleet, "inventory-service", instance, "/internal/inventory/reservations"))
                .toList();
    }

    private String realtimeToken(Users.User user) {
        ApiResponse token = gateway1.get("/api/realtime/token", user.accessToken());
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        return token.text("token");
    }

    private Users.User follower(Creator creator) {
        Users.User fan = Users.register(auth, "E2E Fan");
        ApiResponse follow =
                gateway1.post("/api/follows", Map.of("creatorId", creator.user().id()), fan.accessToken());
        assertThat(follow.status()).as(follow.toString()).isIn(200, 201);
        return fan;
    }

    private Creator creator() {
        Users.User user = Users.register(auth, "E2E Creator");
        String handle = "so" + HexFormat.of().formatHex(java.security.SecureRandom.getSeed(5));
        ApiResponse profile = gateway1.post(
                "/api/creators", Map.of("handle", handle, "displayName", "Scale-out Creator"), user.accessToken());
        assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
        return new Creator(user, gateway1);
    }

    /** A creator who schedules drops through the first gateway. */
    private record Creator(Users.User user, Api api) {

        String scheduleDrop(int stock) {
            ApiResponse product = api.post(
                    "/api/products",
                    Map.of("title", "Scale-out Tee", "description", "x", "priceCents", 900, "currency", "EUR"),
                    user.accessToken());
            assertThat(product.status()).as(product.toString()).isEqualTo(201);
            Instant startsAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
            ApiResponse drop = api.post(
                    "/api/drops",
                    Map.of(
                            "productId", product.text("id"),
                            "startsAt", startsAt.toString(),
                            "endsAt", startsAt.plus(Duration.ofHours(1)).toString(),
                            "initialStock", stock,
                            "perUserLimit", 1),
                    user.accessToken());
            assertThat(drop.status()).as(drop.toString()).isEqualTo(201);
            return drop.text("id");
        }
    }
}

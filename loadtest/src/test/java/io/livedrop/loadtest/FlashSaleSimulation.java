package io.livedrop.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.tryMax;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Flash sale: {@code users} pre-registered buyers arrive at {@code rate}/s (open model) on ONE live
 * drop of {@code stock} units (per-user limit 1). Each buyer places an order with its own
 * Idempotency-Key; every {@code retryEvery}-th buyer sends the same request again (it must get the
 * same order back); a buyer with an order pays with {@code tok_visa}. Afterwards the run checks through
 * inventory and the API: sold == stock exactly (demand above stock) or == orders (demand below), and
 * no key produced two orders.
 */
public class FlashSaleSimulation extends Simulation {

    private final int users = Settings.integer("users", 300);
    private final int rate = Settings.integer("rate", 50);
    private final int stock = Settings.integer("stock", Math.max(1, users / 2));
    private final int retryEvery = Settings.integer("retryEvery", 10);
    private final int serverErrorRetries = Settings.integer("serverErrorRetries", 3);
    private final Duration retryPause = Settings.seconds("retryPause", 1);
    private final Duration settleTimeout = Settings.seconds("settleTimeout", 60);

    private final Fixtures fixtures = new Fixtures();
    private final List<Api.User> buyers = new CopyOnWriteArrayList<>();
    private final Map<String, Set<String>> ordersByKey = new ConcurrentHashMap<>();
    private final Set<String> placedOrders = ConcurrentHashMap.newKeySet();
    private final Set<String> paidOrders = ConcurrentHashMap.newKeySet();
    private final AtomicInteger soldOut = new AtomicInteger();
    private final AtomicInteger replayMismatches = new AtomicInteger();
    private volatile String dropId;

    private final HttpProtocolBuilder protocol = http.baseUrl(Settings.gatewayUrl())
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .shareConnections();

    private final UserFeeder buyerFeeder = new UserFeeder(
            buyers,
            (index, buyer) -> Map.of(
                    "token", buyer.token(),
                    "orderKey", UUID.randomUUID().toString(),
                    "retry", retryEvery > 0 && index % retryEvery == 0));

    private HttpRequestActionBuilder placeOrder(String name) {
        return http(name)
                .post("/api/orders")
                .header("Authorization", session -> "Bearer " + session.getString("token"))
                .header("Idempotency-Key", session -> session.getString("orderKey"))
                .body(StringBody(session -> "{\"dropId\":\"" + dropId + "\",\"quantity\":1}"))
                .check(status().in(201, 409))
                // the first attempt is still running (after a timeout): retry later, like a client would
                .check(regex("IDEMPOTENCY_KEY_IN_USE").notExists())
                .check(status().saveAs("orderStatus"))
                .check(jsonPath("$.id").optional().saveAs("orderId"))
                .check(jsonPath("$.code").optional().saveAs("orderCode"));
    }

    private final ScenarioBuilder buyer = scenario("buyer")
            .feed(buyerFeeder)
            // a 5xx answer is not stored (API.md): a client retries it with the same key
            .tryMax(serverErrorRetries)
            .on(
                    doIf(session -> session.contains("attempted")).then(pause(retryPause)),
                    exec(session -> session.set("attempted", true)),
                    exec(placeOrder("POST /api/orders")))
            .exec(this::recordOrder)
            .doIf(session -> session.getBoolean("retry"))
            .then(exec(session -> session.contains("orderStatus")
                            ? session.set("firstOrderId", session.getString("orderId"))
                                    .set("firstStatus", session.getInt("orderStatus"))
                                    .markAsSucceeded()
                            : session)
                    .exec(placeOrder("POST /api/orders (retry, same key)")
                            .check(header("Idempotent-Replayed").optional().saveAs("replayed")))
                    .exec(this::recordReplay))
            .exec(doIf(session -> session.contains("orderStatus") && session.getInt("orderStatus") == 201)
                    .then(tryMax(serverErrorRetries)
                            .on(exec(http("POST /api/payments")
                                    .post("/api/payments")
                                    .header("Authorization", session -> "Bearer " + session.getString("token"))
                                    .header("Idempotency-Key", session -> "pay-" + session.getString("orderKey"))
                                    .body(StringBody(session -> "{\"orderId\":\"" + session.getString("orderId")
                                            + "\",\"paymentMethod\":{\"type\":\"card\",\"token\":\"tok_visa\"}}"))
                                    .check(status().is(201))
                                    .check(jsonPath("$.status").is("succeeded"))
                                    .check(jsonPath("$.status").saveAs("paymentStatus")))))
                    .exec(session -> {
                        if ("succeeded".equals(session.getString("paymentStatus"))) {
                            paidOrders.add(session.getString("orderId"));
                        }
                        return session;
                    }));

    {
        setUp(buyer.injectOpen(constantUsersPerSec(rate).during(Duration.ofMillis(users * 1000L / rate))))
                .protocols(protocol);
    }

    private Session recordOrder(Session session) {
        if (!session.contains("orderStatus")) {
            return session;
        }
        int status = session.getInt("orderStatus");
        if (status == 201) {
            rememberOrder(session.getString("orderKey"), session.getString("orderId"));
        } else if ("SOLD_OUT".equals(session.getString("orderCode"))) {
            soldOut.incrementAndGet();
        }
        return session;
    }

    private void rememberOrder(String key, String orderId) {
        placedOrders.add(orderId);
        ordersByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(orderId);
    }

    /**
     * A stored first answer (201 or 409) must come back as is, marked as replayed. After a 5xx (not
     * stored) the retry is a new attempt and may answer differently.
     */
    private Session recordReplay(Session session) {
        if (!session.contains("orderStatus")) {
            return session;
        }
        int status = session.getInt("orderStatus");
        if (status == 201) {
            rememberOrder(session.getString("orderKey"), session.getString("orderId"));
        } else if ("SOLD_OUT".equals(session.getString("orderCode")) && !session.contains("firstStatus")) {
            soldOut.incrementAndGet();
        }
        if (session.contains("firstStatus")) {
            int first = session.getInt("firstStatus");
            boolean stored = first == 201 || first == 409;
            boolean same = first == status
                    && java.util.Objects.equals(session.getString("firstOrderId"), session.getString("orderId"))
                    && "true".equals(session.getString("replayed"));
            // a retry answered 5xx (or not at all) is a failed request, not a different stored answer
            if (stored && !same && !session.isFailed()) {
                replayMismatches.incrementAndGet();
            }
        }
        return session;
    }

    @Override
    public void before() {
        Api.User creator = fixtures.creator();
        buyers.addAll(fixtures.registerUsers("buyer", users));
        dropId = fixtures.drop(creator, stock, Duration.ofSeconds(3), true);
        Fixtures.log("flash sale: %,d buyers at %d/s on drop %s with stock %,d", users, rate, dropId, stock);
    }

    @Override
    public void after() {
        Checks.afterRun("flashsale", checks -> {
            Api api = fixtures.api();
            String serviceToken = api.serviceToken();
            checks.fact("drop", dropId);
            checks.fact("buyers (demand)", users);
            checks.fact("stock", stock);
            checks.fact("arrival rate", rate + "/s");
            checks.fact("orders placed (distinct 201s)", placedOrders.size());
            checks.fact("refused SOLD_OUT (409)", soldOut.get());
            checks.fact("payments succeeded", paidOrders.size());

            // holds become sales once the payment events went through the saga
            JsonNode counts = SaleAudit.awaitCounts(
                    api,
                    serviceToken,
                    dropId,
                    settleTimeout,
                    c -> c.path("sold").asInt() >= paidOrders.size());
            int sold = counts.path("sold").asInt(-1);
            int reserved = counts.path("reserved").asInt(-1);
            checks.fact("inventory", counts.toString());
            checks.fact("sold / stock", sold + " / " + stock);
            checks.check(
                    "no oversell (sold + reserved <= stock)",
                    sold + reserved <= stock,
                    "sold " + sold + " + reserved " + reserved + ", stock " + stock);
            checks.check(
                    "every placed order was paid and sold",
                    sold == placedOrders.size() && sold == paidOrders.size(),
                    "sold " + sold + ", orders " + placedOrders.size() + ", paid " + paidOrders.size());
            if (users >= stock) {
                checks.check(
                        "sold == stock (demand above stock: no undersell)",
                        sold == stock,
                        "sold " + sold + " of " + stock + "; " + (placedOrders.size() - paidOrders.size())
                                + " orders left unpaid by request errors, " + soldOut.get()
                                + " buyers refused SOLD_OUT");
            } else {
                checks.check(
                        "sold == demand (stock above demand)",
                        sold == users,
                        "sold " + sold + " to " + users + " buyers");
            }
            long keysWithTwoOrders =
                    ordersByKey.values().stream().filter(ids -> ids.size() > 1).count();
            checks.check(
                    "no Idempotency-Key produced two orders (client view)",
                    keysWithTwoOrders == 0,
                    keysWithTwoOrders + " keys with more than one order id");
            checks.check(
                    "retries of a stored answer replay it",
                    replayMismatches.get() == 0,
                    replayMismatches.get() + " retries answered differently");
            SaleAudit.checkOrdersThroughTheApi(fixtures, buyers, dropId, placedOrders.size(), checks);
        });
    }
}

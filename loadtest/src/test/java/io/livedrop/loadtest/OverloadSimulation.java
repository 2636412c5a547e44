package io.livedrop.loadtest;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Overload: buyers arrive at {@code rate}/s (open model, default 200/s, about 4x what the fleet
 * sustains) for {@code duration} s on ONE live drop of {@code stock} units, far fewer than the buyers.
 * Each buyer makes one order attempt with a fresh Idempotency-Key; a 429/503 with Retry-After is
 * retried with the same key after Retry-After ({@code maxTries} attempts in all); a buyer with an order
 * pays with {@code tok_visa} under the same rules. The fleet must shed what it cannot serve: every
 * request answered within {@code answerBudgetMs} with 201, 409 SOLD_OUT or 429/503 + Retry-After,
 * refusals fast, and the sale still exact (sold == stock, every order paid, no holds left over).
 */
public class OverloadSimulation extends Simulation {

    private final int rate = Settings.integer("rate", 200);
    private final int users = Settings.integer("users", rate * Settings.integer("duration", 30));
    private final int stock = Settings.integer("stock", 500);
    private final int maxTries = Settings.integer("maxTries", 3);
    private final Duration maxRetryAfter = Settings.seconds("maxRetryAfter", 5);
    private final int answerBudgetMs = Settings.integer("answerBudgetMs", 1000);
    private final int rejectionP99Ms = Settings.integer("rejectionP99Ms", 100);
    private final Duration settleTimeout = Settings.seconds("settleTimeout", 60);

    private final Fixtures fixtures = new Fixtures();
    private final List<Api.User> buyers = new CopyOnWriteArrayList<>();
    private final Outcomes outcomes = new Outcomes();
    private final RetriedCall retried = new RetriedCall(outcomes, maxTries, maxRetryAfter);
    private final Map<String, Set<String>> ordersByBuyer = new ConcurrentHashMap<>();
    private final Set<String> paidOrders = ConcurrentHashMap.newKeySet();
    private volatile String dropId;

    private final HttpProtocolBuilder protocol = http.baseUrl(Settings.gatewayUrl())
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .shareConnections();

    private final ScenarioBuilder buyer = scenario("overload buyer")
            .feed(new UserFeeder(
                    buyers,
                    (index, user) -> Map.of(
                            "token", user.token(),
                            "buyerId", user.id(),
                            "orderKey", UUID.randomUUID().toString())))
            .exec(retried.send("order", BuyerRequests.order("POST /api/orders", () -> dropId), "SOLD_OUT"))
            .doIf(OverloadSimulation::placed)
            .then(exec(this::recordOrder)
                    .exec(retried.send("payment", BuyerRequests.payment("POST /api/payments")))
                    .exec(doIf(session -> "succeeded".equals(session.getString("paymentStatus")))
                            .then(exec(session -> {
                                paidOrders.add(session.getString("orderId"));
                                return session;
                            }))));

    {
        setUp(buyer.injectOpen(constantUsersPerSec(rate).during(Duration.ofMillis(users * 1000L / rate))))
                .protocols(protocol)
                // request-level criteria fail the Gatling run itself (the report is still written)
                .assertions(
                        global().responseTime().max().lte(answerBudgetMs),
                        global().failedRequests().count().is(0L));
    }

    private static boolean placed(Session session) {
        Integer status = session.getIntegerWrapper("orderStatus");
        return status != null && status == 201 && session.contains("orderId");
    }

    private Session recordOrder(Session session) {
        ordersByBuyer
                .computeIfAbsent(session.getString("buyerId"), id -> ConcurrentHashMap.newKeySet())
                .add(session.getString("orderId"));
        return session;
    }

    @Override
    public void before() {
        Api.User creator = fixtures.creator();
        buyers.addAll(fixtures.registerUsers("buyer", users));
        dropId = fixtures.drop(creator, stock, Duration.ofSeconds(3), true);
        Fixtures.log("overload: %,d buyers at %d/s on drop %s with stock %,d", users, rate, dropId, stock);
    }

    @Override
    public void after() {
        Checks.afterRun("overload", checks -> {
            Api api = fixtures.api();
            int placed = ordersByBuyer.values().stream().mapToInt(Set::size).sum();
            checks.fact("drop", dropId);
            checks.fact("buyers (demand)", users);
            checks.fact("stock", stock);
            checks.fact("arrival rate", rate + "/s for " + (users / rate) + " s");
            checks.fact("orders placed (distinct 201s)", placed);
            checks.fact("payments succeeded", paidOrders.size());
            outcomes.report(checks);

            // unpaid holds and paid ones not yet confirmed both show as reserved
            JsonNode counts = SaleAudit.awaitCounts(
                    api,
                    api.serviceToken(),
                    dropId,
                    settleTimeout,
                    c -> c.path("reserved").asInt(-1) == 0);
            int sold = counts.path("sold").asInt(-1);
            int reserved = counts.path("reserved").asInt(-1);
            checks.fact("inventory", counts.toString());
            if (users >= stock) {
                checks.check("sold == stock", sold == stock, "sold " + sold + " of " + stock);
            } else {
                checks.check(
                        "sold == paid orders (demand below stock)",
                        sold == paidOrders.size(),
                        "sold " + sold + ", paid " + paidOrders.size());
            }
            checks.check(
                    "every placed (201) order was paid",
                    paidOrders.size() == placed,
                    "placed " + placed + ", paid " + paidOrders.size());
            long twice = ordersByBuyer.values().stream()
                    .filter(ids -> ids.size() > 1)
                    .count();
            checks.check("no buyer with two orders (client view)", twice == 0, twice + " buyers with two");
            SaleAudit.checkOrdersThroughTheApi(fixtures, buyers, dropId, placed, checks);
            checkAnswers(checks);
            checks.check("reserved == 0 at the end", reserved == 0, "reserved " + reserved);
        });
    }

    private void checkAnswers(Checks checks) {
        List<Outcomes.Answer> all = outcomes.answers(a -> true);
        List<Outcomes.Answer> timeouts = outcomes.answers(a -> a.status() == 504);
        List<Outcomes.Answer> late = outcomes.answers(a -> a.millis() > answerBudgetMs);
        List<Outcomes.Answer> unexpected = outcomes.answers(a -> !a.expected());
        Percentiles rejections = Outcomes.latencies(outcomes.answers(Outcomes.Answer::rejection));
        checks.check("zero 504", timeouts.isEmpty(), timeouts.size() + " answers 504");
        checks.check(
                "every request answered within " + answerBudgetMs + " ms",
                late.isEmpty() && outcomes.answers(a -> a.status() == 0).isEmpty(),
                "max " + Outcomes.latencies(all).at(100) + " ms; over budget: " + Outcomes.summary(late));
        checks.check(
                "only 201, 409 SOLD_OUT, 429/503 with Retry-After",
                unexpected.isEmpty(),
                "other answers: " + Outcomes.summary(unexpected));
        checks.check(
                "rejections (409/429/503) p99 <= " + rejectionP99Ms + " ms",
                rejections.at(99) <= rejectionP99Ms,
                rejections.toString());
    }
}

package io.livedrop.loadtest;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.http.response.Response;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Waiting room: one drop of {@code stock} units with a waiting room, starting {@code startDelay} s
 * after setup. {@code early} buyers join its queue before the start (spread over {@code earlyWindow}
 * s), {@code late} buyers after it (spread over {@code lateWindow} s from {@code lateJoinAfter} s past
 * the start). Each polls {@code GET /queue/me} every {@code pollEvery} s (± {@code pollJitter}) until
 * admitted, sold out or expired; an admitted buyer orders with {@code X-Admission-Token} and pays.
 * Checks: admitted orders fast, admission in line order, sold == stock, every other ticket ends
 * sold_out, the pre-start draw random (Spearman), later joiners at the back.
 */
public class WaitingRoomSimulation extends Simulation {

    private final int early = Settings.integer("early", 1000);
    private final int late = Settings.integer("late", 200);
    private final int stock = Settings.integer("stock", 300);
    private final Duration startDelay = Settings.seconds("startDelay", 40);
    private final Duration earlyWindow = Settings.seconds("earlyWindow", 20);
    private final Duration lateWindow = Settings.seconds("lateWindow", 10);
    private final Duration lateJoinAfter = Settings.seconds("lateJoinAfter", 2);
    private final Duration pollEvery = Settings.seconds("pollEvery", 1);
    private final double pollJitter = Settings.decimal("pollJitter", 0.25);
    private final Duration maxWait = Settings.seconds("maxWait", 300);
    private final Duration admissionValidity = Settings.seconds("admissionValidity", 120);
    private final int orderP95Ms = Settings.integer("orderP95Ms", 500);
    private final double maxCorrelation = Settings.decimal("maxCorrelation", 0.2);
    private final Duration settleTimeout = Settings.seconds("settleTimeout", 60);

    private static final String ORDER = "POST /api/orders (admitted)";

    private final Fixtures fixtures = new Fixtures();
    private final List<Api.User> earlyBuyers = new CopyOnWriteArrayList<>();
    private final List<Api.User> lateBuyers = new CopyOnWriteArrayList<>();
    private final WaitingLine line = new WaitingLine(admissionValidity);
    private final Outcomes outcomes = new Outcomes();
    private final RetriedCall retried =
            new RetriedCall(outcomes, Settings.integer("maxTries", 3), Settings.seconds("maxRetryAfter", 5));
    private final Set<String> placedOrders = ConcurrentHashMap.newKeySet();
    private final Set<String> paidOrders = ConcurrentHashMap.newKeySet();
    private volatile String dropId;
    private volatile Instant startsAt;

    private final HttpProtocolBuilder protocol = http.baseUrl(Settings.gatewayUrl())
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .shareConnections();

    {
        setUp(
                        buyers("pre-start joiner", earlyBuyers, false)
                                .injectOpen(rampUsers(early).during(earlyWindow)),
                        buyers("post-start joiner", lateBuyers, true).injectOpen(atOnceUsers(late)))
                .protocols(protocol)
                // the order latency fails the Gatling run itself (the report is still written)
                .assertions(details(ORDER).responseTime().percentile(95.0).lte(orderP95Ms));
    }

    /** Join, poll until the ticket is no longer waiting, then order and pay if admitted. */
    private ScenarioBuilder buyers(String name, List<Api.User> who, boolean afterStart) {
        return scenario(name)
                .feed(new UserFeeder(
                        who,
                        (index, user) -> Map.of(
                                "token", user.token(),
                                "buyerId", user.id(),
                                "orderKey", UUID.randomUUID().toString(),
                                "joinAt", afterStart ? lateJoinAt(index).toEpochMilli() : 0L)))
                .pause(session -> untilEpochMilli(session.getLong("joinAt")))
                .exec(WaitingRoomSimulation::markSent)
                .exec(http("POST /api/drops/{id}/queue")
                        .post(session -> "/api/drops/" + dropId + "/queue")
                        .header("Authorization", session -> "Bearer " + session.getString("token"))
                        .check(status().in(200, 201))
                        .checkIf(WaitingRoomSimulation::answered)
                        .then(bodyString().saveAs("ticket")))
                .exec(this::observeTicket)
                .exec(session -> session.set("pollUntil", System.currentTimeMillis() + maxWait.toMillis()))
                .asLongAs(this::waiting)
                .on(
                        pause(session -> jitteredPoll()),
                        exec(WaitingRoomSimulation::markSent),
                        poll(),
                        exec(this::observeTicket))
                .doIf(session ->
                        "admitted".equals(session.getString("ticketStatus")) && session.contains("admissionToken"))
                .then(orderAndPay());
    }

    private ChainBuilder poll() {
        return exec(http("GET /api/drops/{id}/queue/me")
                .get(session -> "/api/drops/" + dropId + "/queue/me")
                .header("Authorization", session -> "Bearer " + session.getString("token"))
                .check(status().is(200))
                .checkIf(WaitingRoomSimulation::answered)
                .then(bodyString().saveAs("ticket")));
    }

    /** A ticket came back (and not a problem, whose numeric {@code status} is no ticket status). */
    private static boolean answered(Response response, Session session) {
        int status = response.status().code();
        return status == 200 || status == 201;
    }

    private ChainBuilder orderAndPay() {
        return exec(retried.send(
                        "order",
                        BuyerRequests.order(ORDER, () -> dropId)
                                .header("X-Admission-Token", session -> session.getString("admissionToken")),
                        "SOLD_OUT"))
                .doIf(session -> Integer.valueOf(201).equals(session.getIntegerWrapper("orderStatus"))
                        && session.contains("orderId"))
                .then(exec(session -> {
                            placedOrders.add(session.getString("orderId"));
                            return session;
                        })
                        .exec(retried.send("payment", BuyerRequests.payment("POST /api/payments")))
                        .exec(session -> {
                            if ("succeeded".equals(session.getString("paymentStatus"))) {
                                paidOrders.add(session.getString("orderId"));
                            }
                            return session;
                        }));
    }

    private static Session markSent(Session session) {
        return session.set("sentAt", System.currentTimeMillis());
    }

    private Session observeTicket(Session session) {
        long receivedAt = System.currentTimeMillis();
        String body = session.getString("ticket");
        if (body == null) {
            return session; // the request failed; the last ticket seen stands
        }
        JsonNode ticket;
        try {
            ticket = Api.JSON.readTree(body);
        } catch (IOException e) {
            return session.remove("ticket");
        }
        line.observe(session.getString("buyerId"), ticket, session.getLong("sentAt"), receivedAt);
        Session next = session.remove("ticket")
                .set("ticketStatus", ticket.path("status").asText());
        return ticket.hasNonNull("admissionToken")
                ? next.set("admissionToken", ticket.get("admissionToken").asText())
                : next;
    }

    private boolean waiting(Session session) {
        return "waiting".equals(session.getString("ticketStatus"))
                && System.currentTimeMillis() < session.getLong("pollUntil");
    }

    private Duration jitteredPoll() {
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-pollJitter, pollJitter);
        return Duration.ofMillis(Math.round(pollEvery.toMillis() * factor));
    }

    /** Post-start joiners spread evenly over {@code lateWindow}, from {@code lateJoinAfter} past the start. */
    private Instant lateJoinAt(int index) {
        return startsAt.plus(lateJoinAfter).plus(lateWindow.multipliedBy(index).dividedBy(Math.max(1, late)));
    }

    private static Duration untilEpochMilli(long epochMilli) {
        return Duration.ofMillis(Math.max(0, epochMilli - System.currentTimeMillis()));
    }

    @Override
    public void before() {
        Api.User creator = fixtures.creator();
        List<Api.User> buyers = fixtures.registerUsers("buyer", early + late);
        earlyBuyers.addAll(buyers.subList(0, early));
        lateBuyers.addAll(buyers.subList(early, buyers.size()));
        buyers.forEach(buyer -> line.of(buyer.id()));
        startsAt = Instant.now().plus(startDelay);
        dropId = fixtures.waitingRoomDrop(creator, stock, startsAt);
        // the queue opens 15 minutes before the start; one join (idempotent) shows it does
        Api.User first = earlyBuyers.isEmpty() ? lateBuyers.getFirst() : earlyBuyers.getFirst();
        Fixtures.await(
                "the waiting room of drop " + dropId + " to take a ticket",
                Duration.ofSeconds(30),
                () -> List.of(200, 201)
                        .contains(fixtures.api().joinQueue(first, dropId).status()));
        if (Instant.now().plus(earlyWindow).isAfter(startsAt.minusSeconds(2))) {
            Fixtures.log("WARNING: setup took long, some pre-start joiners may join after the start");
        }
        Fixtures.log(
                "waiting room: %,d buyers before and %,d after the start (%s) of drop %s with stock %,d",
                early, late, startsAt, dropId, stock);
    }

    @Override
    public void after() {
        Checks.afterRun("waitingroom", checks -> {
            Api api = fixtures.api();
            checks.fact("drop", dropId);
            checks.fact("startsAt", startsAt);
            checks.fact("buyers before / after start", early + " / " + late);
            checks.fact("stock", stock);
            JsonNode counts = SaleAudit.awaitCounts(
                    api,
                    api.serviceToken(),
                    dropId,
                    settleTimeout,
                    c -> c.path("reserved").asInt(-1) == 0 && c.path("sold").asInt() >= paidOrders.size());
            lastLookAtTickets(api);
            line.resolve();
            Path tickets = Path.of(Settings.text("workDir", "target/loadtest"), "waitingroom-tickets.csv");
            line.writeCsv(tickets);
            checks.fact("tickets (csv)", tickets);
            checks.fact("tickets by final status", ticketsByStatus());
            checks.fact(
                    "admitted",
                    line.all().stream().filter(WaitingLine.Ticket::admitted).count());
            checks.fact("orders placed / paid", placedOrders.size() + " / " + paidOrders.size());
            checks.fact("inventory", counts.toString());
            outcomes.report(checks);

            long withoutTicket =
                    line.all().stream().filter(t -> t.status() == null).count();
            checks.check("every buyer holds a ticket", withoutTicket == 0, withoutTicket + " without");
            Percentiles orders =
                    Outcomes.latencies(outcomes.answers(a -> a.call().equals("order")));
            checks.check(
                    "admitted buyers' orders p95 <= " + orderP95Ms + " ms",
                    orders.at(95) >= 0 && orders.at(95) <= orderP95Ms,
                    orders.toString());
            checkLineOrder(checks);
            int sold = counts.path("sold").asInt(-1);
            checks.check("sold == stock", sold == stock, "sold " + sold + " of " + stock);
            Map<String, Long> notAdmitted = line.all().stream()
                    .filter(t -> t.status() != null && !t.admitted())
                    .collect(Collectors.groupingBy(WaitingLine.Ticket::status, TreeMap::new, Collectors.counting()));
            checks.check(
                    "every ticket never admitted ends sold_out",
                    notAdmitted.keySet().stream().allMatch("sold_out"::equals),
                    "never admitted, by status: " + notAdmitted);
        });
    }

    private void checkLineOrder(Checks checks) {
        checks.fact("tickets whose place in line the polls bound", line.inLine().size());
        List<String> outOfOrder = line.admittedOutOfOrder();
        checks.check(
                "admission follows line order (admitted out of order: 0)",
                outOfOrder.isEmpty(),
                outOfOrder.size() + " out of order" + (outOfOrder.isEmpty() ? "" : ", e.g. " + outOfOrder.getFirst()));
        double rho = line.joinOrderCorrelation(startsAt);
        checks.check(
                String.format(
                        Locale.ROOT,
                        "pre-start draw is random (|Spearman(join order, place in line)| < %.2f)",
                        maxCorrelation),
                Math.abs(rho) < maxCorrelation,
                String.format(
                        Locale.ROOT,
                        "rho %.3f over %d pre-start joiners",
                        rho,
                        line.preStart(startsAt).size()));
        long ahead = line.postStartAheadOfDraw(startsAt);
        checks.check(
                "post-start joiners are behind every pre-start joiner",
                ahead == 0,
                ahead + " of " + line.postStart(startsAt).size() + " placed ahead of a pre-start joiner");
        checks.fact("post-start joiners out of arrival order (pairs)", line.postStartArrivalInversions(startsAt));
    }

    /** Every buyer's ticket once more; those still waiting again each second until the timeout. */
    private void lastLookAtTickets(Api api) {
        List<Api.User> pending = new ArrayList<>(earlyBuyers);
        pending.addAll(lateBuyers);
        long deadline = System.nanoTime() + settleTimeout.toNanos();
        while (!pending.isEmpty()) {
            List<Api.User> look = pending;
            List<Boolean> waiting = fixtures.inParallel(look.size(), i -> {
                long sentAt = System.currentTimeMillis();
                Api.Answer answer = api.queueTicket(look.get(i), dropId);
                if (answer.status() == 200 && answer.body() != null) {
                    line.observe(look.get(i).id(), answer.body(), sentAt, System.currentTimeMillis());
                }
                return "waiting".equals(line.of(look.get(i).id()).status());
            });
            pending = new ArrayList<>();
            for (int i = 0; i < look.size(); i++) {
                if (waiting.get(i)) {
                    pending.add(look.get(i));
                }
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            if (!pending.isEmpty()) {
                Fixtures.sleep(Duration.ofSeconds(1));
            }
        }
    }

    private Map<String, Long> ticketsByStatus() {
        return line.all().stream()
                .collect(Collectors.groupingBy(t -> String.valueOf(t.status()), TreeMap::new, Collectors.counting()));
    }
}

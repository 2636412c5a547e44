package io.livedrop.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reserve only: inventory's internal reserve call ({@code POST /internal/inventory/reservations},
 * service token, no gateway, no order-service) at {@code rate}/s for {@code duration} seconds on ONE
 * drop of {@code stock} units, one unit per request, each from a new user id. Isolates the hot-row
 * limit of the stock update from the rest of the order path. Afterwards: reserved == holds answered
 * 201 and never more than the stock.
 */
public class ReserveOnlySimulation extends Simulation {

    private final int rate = Settings.integer("rate", 200);
    private final Duration duration = Settings.seconds("duration", 30);
    private final int stock = Settings.integer("stock", 1_000_000);

    private final Fixtures fixtures = new Fixtures();
    private final ServiceTokens serviceTokens = new ServiceTokens(fixtures.api());
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger soldOut = new AtomicInteger();
    private volatile String dropId;
    private volatile String expiresAt;

    private final HttpProtocolBuilder protocol = http.baseUrl(Settings.inventoryUrl())
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .shareConnections();

    private final ScenarioBuilder reserve = scenario("reserve")
            .exec(http("POST /internal/inventory/reservations")
                    .post("/internal/inventory/reservations")
                    .header("Authorization", session -> "Bearer " + serviceTokens.current())
                    .body(StringBody(session -> "{\"reservationId\":\"" + UUID.randomUUID() + "\",\"dropId\":\""
                            + dropId + "\",\"userId\":\"" + UUID.randomUUID() + "\",\"quantity\":1,\"expiresAt\":\""
                            + expiresAt + "\"}"))
                    .check(status().in(201, 409))
                    .check(status().saveAs("status"))
                    .check(jsonPath("$.code").optional().saveAs("code")))
            .exec(this::record);

    {
        setUp(reserve.injectOpen(constantUsersPerSec(rate).during(duration))).protocols(protocol);
    }

    private Session record(Session session) {
        if (session.contains("status") && session.getInt("status") == 201) {
            held.incrementAndGet();
        } else if ("SOLD_OUT".equals(session.getString("code"))) {
            soldOut.incrementAndGet();
        }
        return session;
    }

    @Override
    public void before() {
        Api.User creator = fixtures.creator();
        dropId = fixtures.drop(creator, stock, Duration.ofSeconds(3), true);
        // holds outlive the run: the reaper must not give stock back while we count
        expiresAt = Instant.now().plus(Duration.ofHours(1)).toString();
        serviceTokens.current();
        Fixtures.log("reserve-only: %d/s for %s on drop %s with stock %,d", rate, duration, dropId, stock);
    }

    @Override
    public void after() {
        Checks.afterRun("reserve", checks -> {
            JsonNode counts = fixtures.api()
                    .inventoryStock(serviceTokens.current(), dropId)
                    .body();
            int reserved = counts.path("reserved").asInt(-1);
            checks.fact("drop", dropId);
            checks.fact("stock", stock);
            checks.fact("arrival rate", rate + "/s");
            checks.fact("holds answered 201", held.get());
            checks.fact("refused SOLD_OUT", soldOut.get());
            checks.fact("inventory", counts.toString());
            checks.check(
                    "reserved == holds answered 201",
                    reserved == held.get(),
                    "reserved " + reserved + ", 201s " + held.get());
            checks.check(
                    "no oversell (reserved + sold <= stock)",
                    reserved + counts.path("sold").asInt() <= stock,
                    "reserved " + reserved + ", stock " + stock);
            if (rate * duration.toSeconds() >= stock) {
                checks.check(
                        "demand above stock sells out exactly",
                        reserved == stock,
                        "reserved " + reserved + " of " + stock);
            }
        });
    }

    /** A service token, renewed a minute before its 5-minute lifetime ends. */
    static final class ServiceTokens {
        private final Api api;
        private volatile String token;
        private volatile Instant renewAt = Instant.EPOCH;

        ServiceTokens(Api api) {
            this.api = api;
        }

        String current() {
            if (Instant.now().isAfter(renewAt)) {
                synchronized (this) {
                    if (Instant.now().isAfter(renewAt)) {
                        token = api.serviceToken();
                        renewAt = Instant.now().plus(Duration.ofMinutes(4));
                    }
                }
            }
            return token;
        }
    }
}

package io.livedrop.loadtest;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Browse (open model): anonymous {@code GET /api/drops/{id}} of a few live drops at {@code rate}
 * requests/s, plus live-drop pages ({@code GET /api/drops?status=live}) at {@code pageRate}/s, for
 * {@code duration} seconds. The target is the cached drop read: ≥ 5,000/s with p99 ≤ 50 ms.
 */
public class BrowseSimulation extends Simulation {

    private final int rate = Settings.integer("rate", 200);
    private final int pageRate = Settings.integer("pageRate", Math.max(1, rate / 10));
    private final Duration duration = Settings.seconds("duration", 30);
    private final int drops = Settings.integer("drops", 10);
    private final List<String> dropIds = new CopyOnWriteArrayList<>();

    private final HttpProtocolBuilder protocol =
            http.baseUrl(Settings.gatewayUrl()).acceptHeader("application/json").shareConnections();

    private final ScenarioBuilder dropDetail = scenario("drop detail")
            .exec(http("GET /api/drops/{id}")
                    .get(session -> "/api/drops/"
                            + dropIds.get(ThreadLocalRandom.current().nextInt(dropIds.size())))
                    .check(status().is(200)));

    private final ScenarioBuilder livePages = scenario("live drop pages")
            .exec(http("GET /api/drops?status=live")
                    .get("/api/drops?status=live&limit=20")
                    .check(status().is(200)));

    {
        setUp(
                        dropDetail.injectOpen(constantUsersPerSec(rate).during(duration)),
                        livePages.injectOpen(constantUsersPerSec(pageRate).during(duration)))
                .protocols(protocol)
                .assertions(global().failedRequests().percent().lte(1.0));
    }

    @Override
    public void before() {
        Fixtures fixtures = new Fixtures();
        Api.User creator = fixtures.creator();
        for (int i = 0; i < drops; i++) {
            dropIds.add(fixtures.drop(creator, 1_000, Duration.ofSeconds(-1), false));
        }
        Fixtures.log("browsing %d live drops at %d/s (+ %d live pages/s) for %s", drops, rate, pageRate, duration);
        Checks checks = new Checks("browse");
        checks.fact("drops", drops);
        checks.fact("target rate (drop detail)", rate + "/s");
        checks.fact("target rate (live pages)", pageRate + "/s");
        checks.write();
    }
}

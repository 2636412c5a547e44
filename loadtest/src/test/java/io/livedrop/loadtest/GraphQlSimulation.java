package io.livedrop.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A drop page, GraphQL against the REST calls it replaces, one after the other in the same run and at
 * the same rate (open model, {@code rate} pages/s for {@code duration} s each, after {@code warmup} s
 * of both). The page: the drop with stock and status, its product with description, its creator with
 * bio and follower count, and whether the signed-in shopper follows the creator. REST needs four calls
 * ({@code GET /api/drops/{id}}, {@code /api/products/{id}}, {@code /api/creators/{id}}, {@code
 * /api/follows/check}); GraphQL one {@code POST /graphql}. Reported per phase: pages/s, page latency
 * p50/p99, and the fleet's CPU per page by process ({@code loadtest/bench}, /proc before and after).
 */
public class GraphQlSimulation extends Simulation {

    private static final String PAGE_QUERY = "query DropPage($id: ID!) { drop(id: $id) {"
            + " id status available soldOut startsAt endsAt perUserLimit"
            + " product { title description priceCents currency imageUrl }"
            + " creator { id handle displayName bio followerCount viewerFollows } } }";

    private final int rate = Settings.integer("rate", 100);
    private final Duration duration = Settings.seconds("duration", 30);
    private final Duration warmup = Settings.seconds("warmup", 20);
    private final int drops = Settings.integer("drops", 10);
    private final int shoppers = Settings.integer("shoppers", 50);
    private final Path workDir = Path.of(Settings.text("workDir", "target/loadtest"));

    private final List<Page> pages = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Api.User> users = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, Long> phaseNanos = new ConcurrentHashMap<>();

    private final HttpProtocolBuilder protocol = http.baseUrl(Settings.gatewayUrl())
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .shareConnections();

    {
        setUp(both("warm-up", warmup)
                        .andThen(marker("rest-start")
                                .andThen(restPages("REST", duration)
                                        .andThen(marker("rest-end")
                                                .andThen(graphQlPages("GraphQL", duration)
                                                        .andThen(marker("graphql-end")))))))
                .protocols(protocol)
                .assertions(global().failedRequests().percent().lte(1.0));
    }

    /** A drop of the set and a shopper, picked at random for each page. */
    private record Page(String dropId, String productId, String creatorId) {}

    private io.gatling.javaapi.core.PopulationBuilder both(String phase, Duration length) {
        return scenario(phase)
                .exec(pick(), restCalls(phase), graphQlCall(phase))
                .injectOpen(constantUsersPerSec(rate).during(length));
    }

    private io.gatling.javaapi.core.PopulationBuilder restPages(String phase, Duration length) {
        return scenario(phase + " drop pages")
                .exec(pick(), timed(phase, restCalls(phase)))
                .injectOpen(constantUsersPerSec(rate).during(length));
    }

    private io.gatling.javaapi.core.PopulationBuilder graphQlPages(String phase, Duration length) {
        return scenario(phase + " drop pages")
                .exec(pick(), timed(phase, graphQlCall(phase)))
                .injectOpen(constantUsersPerSec(rate).during(length));
    }

    private ChainBuilder pick() {
        return exec(session -> {
            Page page = pages.get(ThreadLocalRandom.current().nextInt(pages.size()));
            Api.User user = users.get(ThreadLocalRandom.current().nextInt(users.size()));
            return session.set("dropId", page.dropId())
                    .set("productId", page.productId())
                    .set("creatorId", page.creatorId())
                    .set("token", "Bearer " + user.token());
        });
    }

    private ChainBuilder restCalls(String phase) {
        return exec(
                http(phase + " GET /api/drops/{id}")
                        .get("/api/drops/#{dropId}")
                        .header("Authorization", "#{token}")
                        .check(status().is(200)),
                http(phase + " GET /api/products/{id}")
                        .get("/api/products/#{productId}")
                        .header("Authorization", "#{token}")
                        .check(status().is(200)),
                http(phase + " GET /api/creators/{id}")
                        .get("/api/creators/#{creatorId}")
                        .header("Authorization", "#{token}")
                        .check(status().is(200)),
                http(phase + " GET /api/follows/check")
                        .get("/api/follows/check?creatorId=#{creatorId}")
                        .header("Authorization", "#{token}")
                        .check(status().is(200)));
    }

    private ChainBuilder graphQlCall(String phase) {
        String body = "{\"query\":\"" + PAGE_QUERY + "\",\"variables\":{\"id\":\"#{dropId}\"}}";
        return exec(http(phase + " POST /graphql (drop page)")
                .post("/graphql")
                .header("Authorization", "#{token}")
                .body(StringBody(body))
                .check(
                        status().is(200),
                        jsonPath("$.errors").notExists(),
                        jsonPath("$.data.drop.id").exists()));
    }

    private ChainBuilder timed(String phase, ChainBuilder calls) {
        return exec(session -> session.set("pageStart", System.nanoTime()))
                .exec(calls)
                .exec(session -> record(phase, session));
    }

    private Session record(String phase, Session session) {
        long millis = (System.nanoTime() - session.getLong("pageStart")) / 1_000_000;
        latencies.computeIfAbsent(phase, p -> new ConcurrentLinkedQueue<>()).add(millis);
        return session;
    }

    /** One virtual user that takes a CPU snapshot of the fleet: the boundary between two phases. */
    private io.gatling.javaapi.core.PopulationBuilder marker(String name) {
        return scenario("snapshot " + name)
                .exec(session -> {
                    phaseNanos.put(name, System.nanoTime());
                    bench("snapshot", workDir.resolve("cpu-" + name).toString());
                    return session;
                })
                .injectOpen(atOnceUsers(1));
    }

    @Override
    public void before() {
        Fixtures fixtures = new Fixtures();
        Api.User creator = fixtures.creator();
        for (int i = 0; i < drops; i++) {
            String dropId = fixtures.drop(creator, 1_000, Duration.ofSeconds(-1), false);
            var drop = fixtures.api().getDrop(dropId).body();
            pages.add(new Page(
                    dropId,
                    drop.path("productId").asText(),
                    drop.path("creatorId").asText()));
        }
        users.addAll(fixtures.registerUsers("graphql-shopper", shoppers));
        for (int i = 0; i < shoppers; i += 2) {
            fixtures.api().follow(users.get(i), creator.id());
        }
        Fixtures.log(
                "drop pages at %d/s: %s warm-up of both, then %s of REST (4 calls), then %s of GraphQL (1 call)",
                rate, warmup, duration, duration);
    }

    @Override
    public void after() {
        Checks.afterRun("graphql", checks -> {
            checks.fact("rate (pages/s, each phase)", rate);
            checks.fact("phase length", duration);
            checks.fact("warm-up (both shapes)", warmup);
            phase(checks, "REST", "rest-start", "rest-end", 4);
            phase(checks, "GraphQL", "rest-end", "graphql-end", 1);
        });
    }

    private void phase(Checks checks, String phase, String from, String to, int callsPerPage) {
        var samples = latencies.getOrDefault(phase, new ConcurrentLinkedQueue<>());
        double seconds = (phaseNanos.get(to) - phaseNanos.get(from)) / 1e9;
        Percentiles latency = new Percentiles(samples);
        checks.fact(
                phase + " pages",
                String.format(
                        Locale.ROOT,
                        "%d in %.1f s = %.1f pages/s (%d HTTP calls each); page p50 %d ms, p95 %d ms, p99 %d ms",
                        samples.size(),
                        seconds,
                        samples.size() / seconds,
                        callsPerPage,
                        latency.at(50),
                        latency.at(95),
                        latency.at(99)));
        String cpu = bench(
                "report",
                workDir.resolve("cpu-" + from).toString(),
                workDir.resolve("cpu-" + to).toString(),
                Integer.toString(samples.size()),
                String.format(Locale.ROOT, "%.3f", seconds));
        for (String line : cpu.split("\n")) {
            if (!line.isBlank()) {
                checks.fact(phase + " CPU per page", line.strip());
            }
        }
    }

    /** Runs {@code loadtest/bench} (the fleet's CPU accounting) and returns its output. */
    private static String bench(String... arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Settings.text("benchScript", "bench"));
        command.addAll(List.of(arguments));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            return output;
        } catch (IOException e) {
            return "bench failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}

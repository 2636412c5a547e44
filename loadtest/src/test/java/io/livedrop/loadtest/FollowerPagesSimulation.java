package io.livedrop.loadtest;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Celebrity follower pages: a creator registered through the API gets {@code followers} edges loaded
 * set-based into follower-service's database (as its celebrity test does; thousands of API follows
 * would take minutes of bcrypt and Kafka). The setup walks the whole list once with the cursor,
 * keeping cursors spread over every depth; then the creator reads page 1 and pages at those depths at
 * {@code rate}/s each for {@code duration} seconds. Keyset pages must cost the same at any depth.
 */
public class FollowerPagesSimulation extends Simulation {

    private static final int PAGE = 20;

    private final int followerCount = Settings.integer("followers", 100_000);
    private final int rate = Settings.integer("rate", 100);
    private final Duration duration = Settings.seconds("duration", 30);
    private final int sampledCursors = Settings.integer("sampledCursors", 200);

    private final Fixtures fixtures = new Fixtures();
    private final List<String> deepCursors = new CopyOnWriteArrayList<>();
    private volatile Api.User creator;

    private final HttpProtocolBuilder protocol =
            http.baseUrl(Settings.gatewayUrl()).acceptHeader("application/json").shareConnections();

    private final ScenarioBuilder firstPage = scenario("first page")
            .exec(http("followers page 1")
                    .get(session -> "/api/creators/" + creator.id() + "/followers?limit=" + PAGE)
                    .header("Authorization", session -> "Bearer " + creator.token())
                    .check(status().is(200)));

    private final ScenarioBuilder deepPage = scenario("deep page")
            .exec(http("followers page at depth")
                    .get(session -> "/api/creators/" + creator.id() + "/followers?limit=" + PAGE + "&cursor="
                            + deepCursors.get(ThreadLocalRandom.current().nextInt(deepCursors.size())))
                    .header("Authorization", session -> "Bearer " + creator.token())
                    .check(status().is(200)));

    {
        setUp(
                        firstPage.injectOpen(constantUsersPerSec(rate).during(duration)),
                        deepPage.injectOpen(constantUsersPerSec(rate).during(duration)))
                .protocols(protocol);
    }

    @Override
    public void before() {
        creator = fixtures.creator();
        loadEdges(UUID.fromString(creator.id()));
        walk();
    }

    private void loadEdges(UUID creatorId) {
        long started = System.nanoTime();
        try (Connection db =
                DriverManager.getConnection(Settings.followerDbUrl(), Settings.dbUser(), Settings.dbPassword())) {
            // follower-service's registry learns the creator from creator.created; edges need no wait
            try (PreparedStatement edges = db.prepareStatement("""
                    insert into follows (creator_id, user_id, followed_at)
                    select ?, md5(?::text || i)::uuid, now() - i * interval '1 second'
                    from generate_series(1, ?) i
                    on conflict do nothing
                    """)) {
                edges.setObject(1, creatorId);
                edges.setString(2, creatorId.toString());
                edges.setInt(3, followerCount);
                edges.executeUpdate();
            }
            try (PreparedStatement counters = db.prepareStatement("""
                    insert into follower_count_shard (creator_id, shard, followers)
                    select creator_id, ('x' || right(user_id::text, 1))::bit(4)::int, count(*)
                    from follows where creator_id = ? group by 1, 2
                    on conflict (creator_id, shard) do update set followers = excluded.followers
                    """)) {
                counters.setObject(1, creatorId);
                counters.executeUpdate();
            }
            try (Statement vacuum = db.createStatement()) {
                vacuum.execute("vacuum (analyze) follows");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading follower edges failed: " + e.getMessage(), e);
        }
        Fixtures.log("loaded %,d follower edges in %.1f s", followerCount, (System.nanoTime() - started) / 1e9);
    }

    /** One walk over every follower, 100 per page, keeping {@code sampledCursors} cursors spread over the depth. */
    private void walk() {
        long started = System.nanoTime();
        int pages = (followerCount + 99) / 100;
        int keepEvery = Math.max(1, pages / sampledCursors);
        List<Long> pageMillis = new ArrayList<>();
        String cursor = null;
        int seen = 0;
        int page = 0;
        do {
            String path = "/api/creators/" + creator.id() + "/followers?limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            long t0 = System.nanoTime();
            Api.Answer answer = fixtures.api().get(path, creator).expect(200);
            pageMillis.add((System.nanoTime() - t0) / 1_000_000);
            JsonNode body = answer.body();
            seen += body.path("items").size();
            cursor = body.path("nextCursor").isNull()
                    ? null
                    : body.path("nextCursor").asText();
            page++;
            if (cursor != null && page % keepEvery == 0) {
                // a page of 20 right after this position, in URL form
                deepCursors.add(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            }
        } while (cursor != null);
        double seconds = (System.nanoTime() - started) / 1e9;
        Checks checks = new Checks("followers");
        checks.fact("followers loaded", followerCount);
        checks.fact(
                "full walk (limit 100, sequential)",
                String.format(
                        java.util.Locale.ROOT, "%,d pages in %.1f s (%.0f pages/s)", page, seconds, page / seconds));
        checks.fact("full walk page latency", new Percentiles(pageMillis));
        checks.fact("deep cursors sampled", deepCursors.size() + " (one every " + keepEvery + " pages of 100)");
        checks.check(
                "the walk saw every follower exactly once", seen == followerCount, seen + " seen of " + followerCount);
        checks.write();
        if (deepCursors.isEmpty()) {
            throw new IllegalStateException("no cursor to read deep pages with: too few followers");
        }
    }
}

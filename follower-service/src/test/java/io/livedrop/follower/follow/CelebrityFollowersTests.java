package io.livedrop.follower.follow;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.pagination.CursorCodec;
import io.livedrop.common.pagination.Page;
import io.livedrop.common.test.TestPostgres;
import io.livedrop.follower.follow.application.FollowPageService;
import io.livedrop.follower.follow.domain.FollowEdge;
import io.livedrop.follower.follow.persistence.FollowEdgeRepository;
import io.livedrop.follower.follow.persistence.FollowerCountRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Celebrity proof: one creator with 1,000,000 followers (loaded set-based with generate_series) in a
 * database of its own, migrated with the service's migrations. The first followers page and a page
 * 900,000 followers deep are both one index range scan on the creator's partition, reading the same
 * handful of index pages: no sequential scan, no sort, no rows skipped over. The latencies are
 * printed for docs/services/follower-service.md and never asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CelebrityFollowersTests {

    private static final int FOLLOWERS = 1_000_000;
    private static final int DEEP_OFFSET = 900_000;
    private static final int LIMIT = 20;
    private static final UUID CELEBRITY = UUID.fromString("0190a000-0000-7000-8000-00000000c313");
    private static final Instant FIRST_FOLLOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String databaseUrl;
    private SingleConnectionDataSource dataSource;
    private JdbcClient jdbc;
    private FollowEdgeRepository edges;
    private FollowPageService pages;
    private CursorCodec cursors;
    private String partition;

    @BeforeAll
    void loadOneMillionFollowers() {
        databaseUrl = TestPostgres.isolatedJdbcUrl("celebrity");
        dataSource =
                new SingleConnectionDataSource(databaseUrl, TestPostgres.username(), TestPostgres.password(), true);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/livedrop-common")
                .load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
        edges = new FollowEdgeRepository(jdbc);
        cursors = new CursorCodec("celebrity-test-cursor-secret");
        pages = new FollowPageService(edges, cursors);

        long started = System.nanoTime();
        // follower i followed at FIRST_FOLLOW + i seconds; generated newest first with user ids rising,
        // so both B-trees grow at their right edge (seconds to load instead of a random-insert minute)
        jdbc.sql("""
                insert into follows (creator_id, user_id, followed_at)
                select :creator,
                       ('0190b000-0000-7000-8000-' || lpad(to_hex(2000000 - i), 12, '0'))::uuid,
                       :firstFollow + i * interval '1 second'
                from generate_series(:followers, 1, -1) i
                """)
                .param("creator", CELEBRITY)
                .param("firstFollow", FIRST_FOLLOW.atOffset(ZoneOffset.UTC))
                .param("followers", FOLLOWERS)
                .update();
        long loaded = System.nanoTime();
        // neighbours: 2,000 ordinary creators with 50 followers each, some of them in the celebrity's partition
        jdbc.sql("""
                insert into follows (creator_id, user_id, followed_at)
                select md5('creator' || c)::uuid, md5('user' || c || '-' || f)::uuid,
                       :firstFollow + (c * 50 + f) * interval '1 second'
                from generate_series(1, 2000) c, generate_series(1, 50) f
                """)
                .param("firstFollow", FIRST_FOLLOW.atOffset(ZoneOffset.UTC))
                .update();
        // the counter shards as the service would have left them (shard = lowest 4 bits of the user id)
        jdbc.sql("""
                insert into follower_count_shard (creator_id, shard, followers)
                select creator_id, ('x' || right(user_id::text, 1))::bit(4)::int, count(*)
                from follows group by 1, 2
                """).update();
        jdbc.sql("vacuum (analyze) follows").update();
        long analysed = System.nanoTime();
        partition = jdbc.sql("select tableoid::regclass::text from follows where creator_id = :creator limit 1")
                .param("creator", CELEBRITY)
                .query(String.class)
                .single();
        System.out.printf(
                "CELEBRITY load: %,d edges in %d ms (set-based insert), then neighbours, counters and vacuum analyze in %d ms; partition %s%n",
                FOLLOWERS, (loaded - started) / 1_000_000, (analysed - loaded) / 1_000_000, partition);
    }

    @AfterAll
    void dropTheDatabase() {
        dataSource.destroy();
        String name = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        var admin = new SingleConnectionDataSource(
                databaseUrl.substring(0, databaseUrl.lastIndexOf('/') + 1) + "postgres",
                TestPostgres.username(),
                TestPostgres.password(),
                true);
        try {
            JdbcClient.create(admin)
                    .sql("drop database if exists " + name + " with (force)")
                    .update();
        } finally {
            admin.destroy();
        }
    }

    @Test
    void countIsTheSumOfTheShards() {
        assertThat(new FollowerCountRepository(jdbc).count(CELEBRITY)).isEqualTo(FOLLOWERS);
    }

    @Test
    void firstAndDeepPagesAreOneIndexRangeScanOnTheCreatorsPartition() {
        PlanSummary first = explain(FollowEdgeRepository.FOLLOWERS_FIRST_PAGE, Map.of());
        PlanSummary deep = explain(FollowEdgeRepository.FOLLOWERS_PAGE_AFTER, deepPosition());

        for (PlanSummary plan : List.of(first, deep)) {
            assertThat(plan.nodeTypes()).doesNotContain("Seq Scan", "Sort", "Incremental Sort", "Bitmap Heap Scan");
            assertThat(plan.scans()).hasSize(1);
            JsonNode scan = plan.scans().getFirst();
            assertThat(scan.get("Node Type").asString()).isIn("Index Scan", "Index Only Scan");
            assertThat(scan.get("Relation Name").asString()).isEqualTo(partition);
            assertThat(scan.get("Index Name").asString()).contains("followed_at");
            // the scan stops after the page plus its lookahead row: nothing before the cursor is read
            assertThat(scan.get("Actual Rows").asLong()).isEqualTo(LIMIT + 1);
            assertThat(scan.get("Shared Hit Blocks").asLong()
                            + scan.get("Shared Read Blocks").asLong())
                    .isLessThan(16);
        }
        assertThat(deep.scans().getFirst().get("Index Cond").asString()).contains("ROW(followed_at, user_id) <");
        System.out.printf(
                "CELEBRITY execution time inside PostgreSQL (EXPLAIN ANALYZE): first page %.3f ms, page after %,d followers %.3f ms%n",
                first.executionMillis(), DEEP_OFFSET, deep.executionMillis());
        System.out.println("CELEBRITY first page plan:\n" + first.text());
        System.out.println("CELEBRITY deep page plan (after " + DEEP_OFFSET + " followers):\n" + deep.text());
    }

    @Test
    void genericPlanPrunesToTheCreatorsPartitionAtRunTime() {
        Map<String, Object> position = deepPosition();
        List<JsonNode> plan;
        jdbc.sql("set plan_cache_mode = force_generic_plan").update();
        try {
            jdbc.sql("prepare deep_followers(uuid, timestamptz, uuid, int) as "
                            + FollowEdgeRepository.FOLLOWERS_PAGE_AFTER
                                    .replace(":creatorId", "$1")
                                    .replace(":afterFollowedAt", "$2")
                                    .replace(":afterId", "$3")
                                    .replace(":limit", "$4"))
                    .update();
            // EXECUTE takes its arguments as SQL literals, not bind parameters: two uuids and an ISO instant
            String json = jdbc.sql(
                            "explain (analyze, buffers, format json) execute deep_followers('%s', '%s', '%s', %d)"
                                    .formatted(
                                            CELEBRITY,
                                            position.get("afterFollowedAt"),
                                            position.get("afterId"),
                                            LIMIT + 1))
                    .query(String.class)
                    .single();
            plan = nodes(JSON.readTree(json).get(0).get("Plan"));
        } finally {
            jdbc.sql("deallocate all").update();
            jdbc.sql("reset plan_cache_mode").update();
        }

        assertThat(plan)
                .extracting(node -> node.get("Node Type").asString())
                .doesNotContain("Seq Scan", "Sort", "Incremental Sort");
        List<JsonNode> executedScans =
                plan.stream().filter(node -> node.has("Relation Name")).toList();
        assertThat(executedScans).hasSize(1);
        assertThat(executedScans.getFirst().get("Relation Name").asString()).isEqualTo(partition);
        assertThat(plan)
                .anySatisfy(node ->
                        assertThat(node.path("Subplans Removed").asInt()).isEqualTo(15));
    }

    @Test
    void deepPageIsExactlyTheFollowersAfterTheCursor() {
        Page<FollowEdge> page = pages.followersOf(CELEBRITY, LIMIT, deepCursor());

        assertThat(page.items()).hasSize(LIMIT);
        // newest first: rank r (0-based) is follower i = FOLLOWERS - r, followed at FIRST_FOLLOW + i s
        for (int k = 0; k < LIMIT; k++) {
            long i = FOLLOWERS - (DEEP_OFFSET + k);
            assertThat(page.items().get(k).followedAt()).isEqualTo(FIRST_FOLLOW.plusSeconds(i));
        }
        assertThat(page.nextCursor()).isNotNull();
    }

    @Test
    void recordsFirstAndDeepPageLatencies() {
        String deepCursor = deepCursor();
        Stats first = time(() -> pages.followersOf(CELEBRITY, LIMIT, null));
        Stats deep = time(() -> pages.followersOf(CELEBRITY, LIMIT, deepCursor));

        System.out.printf(
                "CELEBRITY followers page latency over %d runs (JDBC round trip, one connection): "
                        + "first page median %d us / p95 %d us; page after %,d followers median %d us / p95 %d us%n",
                Stats.RUNS,
                first.medianMicros(),
                first.p95Micros(),
                DEEP_OFFSET,
                deep.medianMicros(),
                deep.p95Micros());
        assertThat(first.medianMicros()).isPositive();
    }

    private Map<String, Object> deepPosition() {
        return jdbc.sql("""
                        select followed_at, user_id from follows where creator_id = :creator
                        order by followed_at desc, user_id desc offset :offset limit 1
                        """)
                .param("creator", CELEBRITY)
                .param("offset", DEEP_OFFSET - 1)
                .query((rs, row) -> Map.<String, Object>of(
                        "afterFollowedAt", rs.getObject("followed_at", OffsetDateTime.class),
                        "afterId", rs.getObject("user_id", UUID.class)))
                .single();
    }

    /** The cursor a client holds after paging through the first 900,000 followers. */
    private String deepCursor() {
        Map<String, Object> position = deepPosition();
        return cursors.encode(
                "followers/" + CELEBRITY,
                ((OffsetDateTime) position.get("afterFollowedAt")).toInstant().toString(),
                position.get("afterId").toString());
    }

    private PlanSummary explain(String sql, Map<String, Object> extraParams) {
        var statement = jdbc.sql("explain (analyze, buffers, format json) " + sql)
                .param("creatorId", CELEBRITY)
                .param("limit", LIMIT + 1);
        extraParams.forEach(statement::param);
        JsonNode plan = JSON.readTree(statement.query(String.class).single()).get(0);
        var text = jdbc.sql("explain (analyze, buffers) " + sql)
                .param("creatorId", CELEBRITY)
                .param("limit", LIMIT + 1);
        extraParams.forEach(text::param);
        return new PlanSummary(
                nodes(plan.get("Plan")),
                plan.get("Execution Time").asDouble(),
                String.join("\n", text.query(String.class).list()));
    }

    private static List<JsonNode> nodes(JsonNode root) {
        List<JsonNode> all = new ArrayList<>();
        all.add(root);
        root.path("Plans").forEach(child -> all.addAll(nodes(child)));
        return all;
    }

    private static Stats time(Supplier<?> page) {
        for (int i = 0; i < 20; i++) {
            page.get();
        }
        long[] micros = new long[Stats.RUNS];
        for (int i = 0; i < Stats.RUNS; i++) {
            long started = System.nanoTime();
            page.get();
            micros[i] = (System.nanoTime() - started) / 1_000;
        }
        Arrays.sort(micros);
        return new Stats(micros[Stats.RUNS / 2], micros[Stats.RUNS * 95 / 100]);
    }

    private record PlanSummary(List<JsonNode> nodes, double executionMillis, String text) {

        List<String> nodeTypes() {
            return nodes.stream().map(node -> node.get("Node Type").asString()).toList();
        }

        List<JsonNode> scans() {
            return nodes.stream().filter(node -> node.has("Relation Name")).toList();
        }
    }

    private record Stats(long medianMicros, long p95Micros) {
        static final int RUNS = 200;
    }
}

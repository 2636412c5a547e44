package io.livedrop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GraphQL endpoint against stub services that answer like the real ones, counting every backend
 * call a query makes: a feed of 20 drops with product, creator, follower count, stock and {@code
 * viewerFollows} costs four calls, whatever the page size; limits refuse before any call.
 */
class GraphQlTests extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FEED = """
            query Feed($first: Int) {
              drops(status: LIVE, first: $first) {
                edges { cursor node {
                  id status available soldOut initialStock perUserLimit startsAt endsAt
                  product { id title description priceCents currency imageUrl }
                  creator { id handle displayName followerCount viewerFollows }
                } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    private final String userId = UUID.randomUUID().toString();
    private final List<String> drops = ids(20);
    private final List<String> creators = ids(20);
    private final List<String> products = ids(20);

    @Value("${livedrop.redis.key-prefix}")
    String keyPrefix;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.redis.core.ReactiveStringRedisTemplate redis;

    @BeforeEach
    void stubServicesAnswerLikeTheRealOnes() {
        forget();
        StubUpstreams.CATALOG.answer("GET", "/api/drops", 200, page(dropJsons(), "next-page"));
        StubUpstreams.CATALOG.answer("GET", "/api/products", 200, batch(productJsons()));
        StubUpstreams.CATALOG.answer("GET", "/api/creators", 200, batch(creatorJsons()));
        StubUpstreams.FOLLOWER.answer(
                "GET",
                "/api/follows",
                200,
                batch(List.of("{\"creatorId\":\"" + creators.get(3) + "\",\"userId\":\"" + userId
                        + "\",\"followedAt\":\"2026-01-01T00:00:00Z\"}")));
    }

    @AfterEach
    void forget() {
        StubUpstreams.CATALOG.forgetCanned();
        StubUpstreams.FOLLOWER.forgetCanned();
        StubUpstreams.AUTH.forgetCanned();
        StubUpstreams.ORDER.forgetCanned();
        StubUpstreams.NOTIFICATION.forgetCanned();
    }

    @Test
    void aFeedOfTwentyDropsCostsOneCallPerKindOfData() {
        JsonNode answer = query(FEED, Map.of("first", 20), tokens.userToken(userId));

        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        JsonNode edges = answer.path("data").path("drops").path("edges");
        assertThat(edges).hasSize(20);
        JsonNode third = edges.get(3).path("node");
        assertThat(third.path("status").asString()).isEqualTo("LIVE");
        assertThat(third.path("product").path("description").asString()).isEqualTo("description 3");
        assertThat(third.path("creator").path("followerCount").asInt()).isEqualTo(103);
        assertThat(third.path("creator").path("viewerFollows").asBoolean()).isTrue();
        assertThat(edges.get(4)
                        .path("node")
                        .path("creator")
                        .path("viewerFollows")
                        .asBoolean())
                .isFalse();
        assertThat(answer.path("data")
                        .path("drops")
                        .path("pageInfo")
                        .path("hasNextPage")
                        .asBoolean())
                .isTrue();

        assertThat(StubUpstreams.CATALOG.requests())
                .hasSize(3)
                .anyMatch(call -> call.startsWith("GET /api/drops?limit=20&status=live"))
                .anyMatch(call -> call.startsWith("GET /api/products?ids="))
                .anyMatch(call -> call.startsWith("GET /api/creators?ids="));
        assertThat(StubUpstreams.FOLLOWER.requests())
                .singleElement()
                .asString()
                .startsWith("GET /api/follows?creatorIds=");
    }

    @Test
    void summaryFieldsComeWithTheDropAndAnonymousCallersGetNoViewerFields() {
        JsonNode answer = query(
                "{ drops(first: 20) { edges { node { id product { title } creator { handle viewerFollows } } } } }",
                Map.of(),
                null);

        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        JsonNode creator = answer.path("data")
                .path("drops")
                .path("edges")
                .get(0)
                .path("node")
                .path("creator");
        assertThat(creator.path("viewerFollows").isNull()).isTrue();
        // viewerFollows needs no creator fields beyond the drop's summary, and nobody to ask about
        assertThat(StubUpstreams.CATALOG.requests()).singleElement().asString().startsWith("GET /api/drops?");
        assertThat(StubUpstreams.FOLLOWER.requests()).isEmpty();
    }

    @Test
    void theNextPageResumesFromTheEndCursor() {
        JsonNode first = query(FEED, Map.of("first", 20), null);
        String endCursor = first.path("data")
                .path("drops")
                .path("pageInfo")
                .path("endCursor")
                .asString();
        forget();
        StubUpstreams.CATALOG.answer("GET", "/api/drops", 200, page(List.of(), null));

        JsonNode next = query(
                "query($after: String) { drops(status: LIVE, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }",
                Map.of("after", endCursor),
                null);

        assertThat(next.path("data")
                        .path("drops")
                        .path("pageInfo")
                        .path("hasNextPage")
                        .asBoolean())
                .isFalse();
        assertThat(StubUpstreams.CATALOG.requests()).singleElement().asString().contains("cursor=next-page");
    }

    @Test
    void aTooDeepQueryIsRefusedBeforeAnyBackendCall() {
        JsonNode answer = query("""
                { me { orders { edges { node { drop { creator { drops { edges { node { product { title } } } } } } } } } } }""", Map.of(), tokens.userToken(userId));

        assertThat(code(answer)).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.path("errors").get(0).path("message").asString()).contains("at most 10");
        assertNoBackendCalls();
    }

    @Test
    void aTooCostlyQueryIsRefusedBeforeAnyBackendCall() {
        JsonNode answer = query("""
                { drops(first: 100) { edges { node { creator { drops(first: 100) { edges { node { id } } } } } } } }""", Map.of(), null);

        assertThat(code(answer)).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.path("errors").get(0).path("message").asString()).contains("budget");
        assertNoBackendCalls();
    }

    @Test
    void pageSizesOutsideOneToAHundredAreRefused() {
        JsonNode answer = query("{ drops(first: 0) { edges { node { id } } } }", Map.of(), null);

        assertThat(code(answer)).isEqualTo("VALIDATION_FAILED");
        assertNoBackendCalls();
    }

    @Test
    void malformedQueriesCarryValidationFailed() {
        assertThat(code(query("{ drops { nope } }", Map.of(), null))).isEqualTo("VALIDATION_FAILED");
        assertThat(code(query("{ drops ", Map.of(), null))).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aServicesProblemCodeBecomesTheErrorsCode() {
        StubUpstreams.CATALOG.answer(
                "GET", "/api/drops", 400, "{\"status\":400,\"code\":\"INVALID_CURSOR\",\"detail\":\"bad cursor\"}");

        JsonNode answer = query("{ drops { edges { node { id } } } }", Map.of(), null);

        assertThat(code(answer)).isEqualTo("INVALID_CURSOR");
        assertThat(answer.path("errors")
                        .get(0)
                        .path("extensions")
                        .path("status")
                        .asInt())
                .isEqualTo(400);
    }

    @Test
    void aMissingDropIsNull() {
        String id = UUID.randomUUID().toString();
        StubUpstreams.CATALOG.answer("GET", "/api/drops/" + id, 404, "{\"status\":404,\"code\":\"DROP_NOT_FOUND\"}");

        JsonNode answer = query("query($id: ID!) { drop(id: $id) { id } }", Map.of("id", id), null);

        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        assertThat(answer.path("data").path("drop").isNull()).isTrue();
    }

    @Test
    void meIsNullForAnonymousCallersWithoutAnyCall() {
        JsonNode answer = query("{ me { id email } }", Map.of(), null);

        assertThat(answer.path("data").path("me").isNull()).isTrue();
        assertNoBackendCalls();
    }

    @Test
    void followNeedsASignedInCaller() {
        JsonNode answer = query("mutation { follow(creatorId: \"c1\") { id } }", Map.of(), null);

        assertThat(code(answer)).isEqualTo("UNAUTHENTICATED");
        assertNoBackendCalls();
    }

    @Test
    void meCarriesTheCallersTokenToTheServices() {
        String token = tokens.userToken(userId);
        StubUpstreams.AUTH.answer(
                "GET",
                "/api/users/me",
                200,
                "{\"id\":\"" + userId + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
        StubUpstreams.ORDER.answer("GET", "/api/orders", 200, page(List.of("""
                {"id":"o1","dropId":"%s","status":"confirmed","quantity":1,"totalCents":500,"currency":"EUR",\
                "createdAt":"2026-01-01T00:00:00Z"}""".formatted(drops.get(0))), null));
        StubUpstreams.CATALOG.answer(
                "GET", "/api/drops/" + drops.get(0), 200, dropJsons().get(0));

        JsonNode answer = query(
                "{ me { email orders(first: 5) { edges { node { status drop { id product { title } } } } } } }",
                Map.of(),
                token);

        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        JsonNode order = answer.path("data")
                .path("me")
                .path("orders")
                .path("edges")
                .get(0)
                .path("node");
        assertThat(order.path("drop").path("id").asString()).isEqualTo(drops.get(0));
        assertThat(StubUpstreams.AUTH.lastRequest().get("authorization")).isEqualTo("Bearer " + token);
        assertThat(StubUpstreams.ORDER.lastRequest().get("authorization")).isEqualTo("Bearer " + token);
        // one order's drop: the item's own (cached) read rather than a batch of one
        assertThat(StubUpstreams.CATALOG.requests()).containsExactly("GET /api/drops/" + drops.get(0));
        // public catalog reads go without the caller's token, so catalog's caches answer them
        assertThat(StubUpstreams.CATALOG.lastRequest().get("authorization")).isNull();
    }

    @Test
    void automaticPersistedQueriesAcceptAHashInsteadOfTheText() {
        String text = "{ drops(first: 1) { edges { node { id } } } }";
        Map<String, Object> persisted = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", sha256(text)));

        JsonNode unknown = post(Map.of("extensions", persisted), null);
        JsonNode registered = post(Map.of("query", text, "extensions", persisted), null);
        JsonNode byHash = post(Map.of("extensions", persisted), null);

        assertThat(code(unknown)).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(registered.path("data").path("drops").path("edges")).hasSize(1);
        assertThat(byHash.path("errors").isMissingNode()).as(byHash.toString()).isTrue();
        assertThat(byHash.path("data").path("drops").path("edges")).hasSize(1);
    }

    @Test
    void aHashThatDoesNotMatchTheTextIsRefused() {
        Map<String, Object> wrong = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", sha256("other")));

        JsonNode answer = post(Map.of("query", "{ me { id } }", "extensions", wrong), null);

        assertThat(code(answer)).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void graphQlRequestsTakeFromTheSameRateLimitBuckets() {
        var reply =
                gateway.post("/graphql").body("{\"query\":\"{ me { id } }\"}").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-RateLimit-Remaining")).isNotNull();
        assertThat(reply.header("X-RateLimit-Burst-Capacity"))
                .isEqualTo(Integer.toString(StubUpstreams.STANDARD_BURST));
        assertThat(reply.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void aRefusedRequestIsAnsweredInGraphQlShapeWithTheRestCode() {
        String ip = GatewayApi.randomClientIp();
        // an empty bucket whose refill starts in the future: this caller's next request is refused
        // (Spring Cloud Gateway's RedisRateLimiter keys, under the gateway's key prefix)
        String bucket = keyPrefix + "gateway:request_rate_limiter.{standard.ip:" + ip + "}.";
        redis.opsForValue().set(bucket + "tokens", "0", Duration.ofMinutes(1)).block();
        redis.opsForValue()
                .set(bucket + "timestamp", Long.toString(System.currentTimeMillis() / 1000 + 60), Duration.ofMinutes(1))
                .block();

        var reply = gateway.post("/graphql")
                .from(ip)
                .body("{\"query\":\"{ me { id } }\"}")
                .send();

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).isNotNull();
        assertThat(code(reply.json())).isEqualTo("RATE_LIMITED");
        assertNoBackendCalls();
    }

    @Test
    void aBadTokenIsRefusedLikeOnRest() {
        var reply = gateway.post("/graphql")
                .bearer("not-a-token")
                .body("{\"query\":\"{ me { id } }\"}")
                .send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
    }

    private JsonNode query(String text, Map<String, Object> variables, String token) {
        return post(Map.of("query", text, "variables", variables), token);
    }

    private JsonNode post(Map<String, Object> body, String token) {
        var call = gateway.post("/graphql").body(JSON.writeValueAsString(body));
        if (token != null) {
            call.bearer(token);
        }
        var reply = call.send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static String code(JsonNode answer) {
        return answer.path("errors").path(0).path("extensions").path("code").asString();
    }

    private static void assertNoBackendCalls() {
        assertThat(StubUpstreams.CATALOG.requests()).isEmpty();
        assertThat(StubUpstreams.FOLLOWER.requests()).isEmpty();
        assertThat(StubUpstreams.AUTH.requests()).isEmpty();
        assertThat(StubUpstreams.ORDER.requests()).isEmpty();
    }

    private List<String> dropJsons() {
        return IntStream.range(0, drops.size())
                .mapToObj(i -> """
                        {"id":"%s","productId":"%s","creatorId":"%s","status":"live","soldOut":false,"available":%d,\
                        "initialStock":100,"startsAt":"2026-01-01T00:00:00Z","endsAt":"2027-01-01T00:00:00Z",\
                        "perUserLimit":1,"product":{"id":"%s","title":"title %d","priceCents":500,"currency":"EUR",\
                        "imageUrl":null},"creator":{"id":"%s","handle":"handle%d","displayName":"Creator %d"}}""".formatted(
                                drops.get(i),
                                products.get(i),
                                creators.get(i),
                                50 + i,
                                products.get(i),
                                i,
                                creators.get(i),
                                i,
                                i))
                .toList();
    }

    private List<String> productJsons() {
        return IntStream.range(0, products.size())
                .mapToObj(i -> """
                        {"id":"%s","title":"title %d","description":"description %d","priceCents":500,\
                        "currency":"EUR","imageUrl":null}""".formatted(products.get(i), i, i))
                .toList();
    }

    private List<String> creatorJsons() {
        return IntStream.range(0, creators.size())
                .mapToObj(i -> """
                        {"id":"%s","handle":"handle%d","displayName":"Creator %d","bio":"bio","followerCount":%d}""".formatted(creators.get(i), i, i, 100 + i))
                .toList();
    }

    private static String page(List<String> items, String nextCursor) {
        return "{\"items\":[" + String.join(",", items) + "],\"nextCursor\":"
                + (nextCursor == null ? "null" : "\"" + nextCursor + "\"") + "}";
    }

    private static String batch(List<String> items) {
        return "{\"items\":[" + String.join(",", items) + "]}";
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

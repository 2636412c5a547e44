package io.livedrop.e2e.graphql;

import static io.livedrop.e2e.graphql.GraphQlClient.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.e2e.commerce.Commerce;
import io.livedrop.e2e.support.Api;
import io.livedrop.e2e.support.ApiResponse;
import io.livedrop.e2e.support.Users;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * GraphQL through the gateway against the whole fleet: a drop page in one round trip, the caller's
 * own data, follow and unfollow, limits and error codes, and the live {@code dropUpdates}
 * subscription fed by a real sale (order → inventory → stock.changed → catalog → Redis → gateway).
 */
class GraphQlFlowTests {

    private static final String DROP_PAGE = """
            query DropPage($id: ID!) {
              drop(id: $id) {
                id status available soldOut initialStock perUserLimit startsAt endsAt
                product { title description priceCents currency }
                creator { id handle displayName followerCount viewerFollows }
              }
            }""";

    private final Commerce commerce = new Commerce();
    private final GraphQlClient graphql = new GraphQlClient();
    private final Api api = Api.gateway();

    @Test
    void aDropPageIsOneRoundTripForAnonymousCallers() {
        String dropId = commerce.liveDrop(5, 2, 2500);

        JsonNode answer = graphql.query(DROP_PAGE, Map.of("id", dropId), null);

        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        JsonNode drop = answer.path("data").path("drop");
        ApiResponse rest = api.get("/api/drops/" + dropId, null);
        assertThat(drop.path("status").asString()).isEqualTo("LIVE");
        assertThat(drop.path("available").asInt()).isEqualTo(5);
        assertThat(drop.path("product").path("description").asString()).isEqualTo("Limited");
        assertThat(drop.path("product").path("priceCents").asLong()).isEqualTo(2500);
        assertThat(drop.path("creator").path("handle").asString())
                .isEqualTo(rest.body().path("creator").path("handle").asString());
        assertThat(drop.path("creator").path("followerCount").asInt()).isZero();
        assertThat(drop.path("creator").path("viewerFollows").isNull()).isTrue();
        assertThat(graphql.query("{ me { id } }", Map.of(), null)
                        .path("data")
                        .path("me")
                        .isNull())
                .isTrue();
    }

    @Test
    void aSignedInCallerFollowsBuysAndSeesItInMe() {
        String dropId = commerce.liveDrop(5, 2, 1200);
        String creatorId = api.get("/api/drops/" + dropId, null).text("creatorId");
        Users.User buyer = commerce.buyer();

        JsonNode followed = graphql.query(
                "mutation($id: ID!) { follow(creatorId: $id) { id viewerFollows } }",
                Map.of("id", creatorId),
                buyer.accessToken());
        assertThat(followed.path("data").path("follow").path("viewerFollows").asBoolean())
                .as(followed.toString())
                .isTrue();
        String orderId = commerce.placedOrder(buyer, dropId, 1);
        commerce.pay(buyer, orderId, "tok_visa");
        commerce.awaitStatus(buyer, orderId, "confirmed");

        String me = """
                { me { id email
                       orders(first: 5) { edges { node { id status totalCents drop { id product { title } } } } }
                       following(first: 5) { edges { node { id viewerFollows } } }
                       notifications(first: 5) { edges { node { type read data } } } } }""";
        JsonNode answer = graphql.query(me, Map.of(), buyer.accessToken());

        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        JsonNode viewer = answer.path("data").path("me");
        assertThat(viewer.path("email").asString()).isEqualTo(buyer.email());
        JsonNode order = viewer.path("orders").path("edges").path(0).path("node");
        assertThat(order.path("id").asString()).isEqualTo(orderId);
        assertThat(order.path("status").asString()).isEqualTo("confirmed");
        assertThat(order.path("drop").path("id").asString()).isEqualTo(dropId);
        // read-your-writes: the follow is in the caller's list at once
        assertThat(viewer.path("following")
                        .path("edges")
                        .path(0)
                        .path("node")
                        .path("id")
                        .asString())
                .isEqualTo(creatorId);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(graphql.query(
                                        "{ me { notifications(first: 5) { edges { node { type } } } } }",
                                        Map.of(),
                                        buyer.accessToken())
                                .path("data")
                                .path("me")
                                .path("notifications")
                                .path("edges")
                                .findValuesAsString("type"))
                        .contains("order.confirmed"));

        JsonNode unfollowed = graphql.query(
                "mutation($id: ID!) { unfollow(creatorId: $id) { viewerFollows } }",
                Map.of("id", creatorId),
                buyer.accessToken());
        assertThat(unfollowed
                        .path("data")
                        .path("unfollow")
                        .path("viewerFollows")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void errorsCarryTheRestCodes() {
        assertThat(code(graphql.query("{ drops(followed: true) { edges { node { id } } } }", Map.of(), null)))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(code(graphql.query("{ drops(first: 500) { edges { node { id } } } }", Map.of(), null)))
                .isEqualTo("VALIDATION_FAILED");
        assertThat(code(graphql.query("{ drops(after: \"not-a-cursor\") { edges { node { id } } } }", Map.of(), null)))
                .isEqualTo("INVALID_CURSOR");
        String tooDeep = "{ drops { edges { node { creator { drops { edges { node { creator { drops { edges { node"
                + " { id } } } } } } } } } } } }";
        assertThat(code(graphql.query(tooDeep, Map.of(), null))).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void dropUpdatesStreamsStockAsItSellsAndTheSellOut() {
        String dropId = commerce.liveDrop(2, 1, 900);
        String subscription = "subscription($id: ID!) { dropUpdates(dropId: $id) { id status available soldOut } }";

        try (var updates = new GraphQlClient.Subscription(subscription, Map.of("id", dropId))) {
            JsonNode first = updates.nextData().path("dropUpdates");
            assertThat(first.path("available").asInt()).isEqualTo(2);
            assertThat(first.path("status").asString()).isEqualTo("LIVE");

            commerce.placedOrder(commerce.buyer(), dropId, 1);
            assertThat(nextAvailable(updates, 1).path("soldOut").asBoolean()).isFalse();

            commerce.placedOrder(commerce.buyer(), dropId, 1);
            JsonNode soldOut = nextAvailable(updates, 0);
            assertThat(soldOut.path("soldOut").asBoolean()).isTrue();
        }
    }

    /** Skips intermediate states (stock reports are coalesced) until {@code available} is reached. */
    private static JsonNode nextAvailable(GraphQlClient.Subscription updates, int available) {
        while (true) {
            JsonNode drop = updates.nextData().path("dropUpdates");
            if (drop.path("available").asInt() == available) {
                return drop;
            }
        }
    }
}

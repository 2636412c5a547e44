package io.livedrop.catalog.drop;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.support.CatalogApi.User;
import io.livedrop.catalog.support.DropRows;
import io.livedrop.catalog.support.Outboxes;
import io.livedrop.catalog.support.Response;
import io.livedrop.common.events.DropScheduled;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** API.md: POST /api/drops (C + owner of the product), GET /api/drops/{id} (P), PATCH /api/drops/{id} (O). */
class DropApiTests extends CatalogIntegrationTest {

    Instant inOneHour;
    Instant inTwoHours;

    @BeforeEach
    void client() {
        inOneHour = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        inTwoHours = inOneHour.plus(Duration.ofHours(1));
    }

    @Test
    void creatorSchedulesADropOfTheirProduct() {
        User creator = api.newCreator();
        JsonNode product = api.createProduct(creator, "Golden Ticket", "Shiny", 4999, "USD");

        Response created = api.createDrop(creator, product.path("id").asString(), inOneHour, inTwoHours, 250);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode drop = created.body();
        assertThat(drop.propertyNames())
                .containsExactlyInAnyOrder(
                        "id",
                        "productId",
                        "creatorId",
                        "startsAt",
                        "endsAt",
                        "initialStock",
                        "available",
                        "lowStockThreshold",
                        "perUserLimit",
                        "status",
                        "soldOut",
                        "product",
                        "creator",
                        "waitingRoom",
                        "createdAt");
        assertThat(drop.path("waitingRoom").path("enabled").asBoolean())
                .as("no waiting room by default")
                .isFalse();
        assertThat(drop.path("waitingRoom").path("opensAt").isNull()).isTrue();
        assertThat(drop.path("productId").asString())
                .isEqualTo(product.path("id").asString());
        assertThat(drop.path("creatorId").asString()).isEqualTo(creator.id());
        assertThat(Instant.parse(drop.path("startsAt").asString())).isEqualTo(inOneHour);
        assertThat(Instant.parse(drop.path("endsAt").asString())).isEqualTo(inTwoHours);
        assertThat(drop.path("initialStock").asInt()).isEqualTo(250);
        assertThat(drop.path("available").asInt()).isEqualTo(250);
        assertThat(drop.path("lowStockThreshold").asInt())
                .as("10 %% by default")
                .isEqualTo(25);
        assertThat(drop.path("perUserLimit").asInt()).isEqualTo(1);
        assertThat(drop.path("status").asString()).isEqualTo("upcoming");
        assertThat(drop.path("soldOut").asBoolean()).isFalse();
        assertThat(drop.path("product").path("title").asString()).isEqualTo("Golden Ticket");
        assertThat(drop.path("product").path("priceCents").asLong()).isEqualTo(4999);
        assertThat(drop.path("product").path("currency").asString()).isEqualTo("USD");
        assertThat(drop.path("product").has("imageUrl")).isTrue();
        assertThat(drop.path("creator").path("id").asString()).isEqualTo(creator.id());
        assertThat(drop.path("creator").has("handle")).isTrue();
        assertThat(drop.path("creator").path("displayName").asString()).isEqualTo("Creator");

        Response read = api.get("/api/drops/" + drop.path("id").asString(), null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(drop);

        List<JsonNode> scheduled =
                new Outboxes(jdbc).events(DropScheduled.TOPIC, drop.path("id").asString());
        assertThat(scheduled).hasSize(1);
        JsonNode data = scheduled.getFirst().path("data");
        assertThat(data.path("dropId").asString()).isEqualTo(drop.path("id").asString());
        assertThat(data.path("creatorId").asString()).isEqualTo(creator.id());
        assertThat(data.path("unitPriceCents").asLong()).isEqualTo(4999);
        assertThat(data.path("currency").asString()).isEqualTo("USD");
        assertThat(data.path("title").asString()).isEqualTo("Golden Ticket");
        assertThat(data.path("initialStock").asInt()).isEqualTo(250);
        assertThat(data.path("lowStockThreshold").asInt()).isEqualTo(25);
        assertThat(data.path("perUserLimit").asInt()).isEqualTo(1);
    }

    @Test
    void explicitLimitsAreKept() {
        User creator = api.newCreator();
        Map<String, Object> body =
                body(api.createProduct(creator, "p").path("id").asString());
        body.put("lowStockThreshold", 0);
        body.put("perUserLimit", 3);

        Response created = api.post("/api/drops", body, creator.token());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("lowStockThreshold").asInt()).isZero();
        assertThat(created.body().path("perUserLimit").asInt()).isEqualTo(3);
    }

    @Test
    void aDropThatAlreadyStartedIsLive() {
        User creator = api.newCreator();
        String productId = api.createProduct(creator, "now").path("id").asString();

        Response created = api.createDrop(creator, productId, Instant.now().minusSeconds(5), inOneHour, 5);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("live");
    }

    @Test
    void invalidDropsAreRejectedWithTheFieldsNamed() {
        User creator = api.newCreator();
        String productId = api.createProduct(creator, "p").path("id").asString();

        assertRejected(creator, with(body(productId), "endsAt", inOneHour.toString()), "endsAt");
        assertRejected(
                creator,
                with(
                        with(
                                body(productId),
                                "startsAt",
                                Instant.now().minusSeconds(7200).toString()),
                        "endsAt",
                        Instant.now().minusSeconds(60).toString()),
                "endsAt");
        assertRejected(creator, with(body(productId), "initialStock", 0), "initialStock");
        assertRejected(creator, with(body(productId), "initialStock", 1_000_001), "initialStock");
        assertRejected(creator, with(body(productId), "lowStockThreshold", 10), "lowStockThreshold");
        assertRejected(creator, with(body(productId), "lowStockThreshold", -1), "lowStockThreshold");
        assertRejected(creator, with(body(productId), "perUserLimit", 0), "perUserLimit");
        assertRejected(creator, with(body(productId), "perUserLimit", 11), "perUserLimit");
        assertRejected(
                creator,
                with(
                        body(productId),
                        "endsAt",
                        inOneHour.plus(Duration.ofDays(31)).toString()),
                "endsAt");
        assertRejected(
                creator,
                with(
                        with(
                                body(productId),
                                "startsAt",
                                Instant.now().plus(Duration.ofDays(400)).toString()),
                        "endsAt",
                        Instant.now().plus(Duration.ofDays(401)).toString()),
                "startsAt");

        Response missing = api.post("/api/drops", "{}", creator.token());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).contains("productId", "startsAt", "endsAt", "initialStock");
        Response badTime = api.post("/api/drops", with(body(productId), "startsAt", "tomorrow"), creator.token());
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.code()).isEqualTo("VALIDATION_FAILED");
        Response fractional = api.post("/api/drops", with(body(productId), "initialStock", 2.5), creator.token());
        assertThat(fractional.status()).isEqualTo(400);
    }

    @Test
    void onlyTheCreatorOfTheProductSchedulesItsDrops() {
        User owner = api.newCreator();
        String productId = api.createProduct(owner, "p").path("id").asString();

        Response notCreator =
                api.post("/api/drops", body(productId), api.newUser().token());
        Response otherCreator =
                api.post("/api/drops", body(productId), api.newCreator().token());
        Response unknownProduct = api.post("/api/drops", body(UUID.randomUUID().toString()), owner.token());
        Response malformedProduct = api.post("/api/drops", body("sneakers"), owner.token());

        assertThat(notCreator.status()).isEqualTo(403);
        assertThat(notCreator.code()).isEqualTo("NOT_A_CREATOR");
        assertThat(otherCreator.status()).isEqualTo(403);
        assertThat(otherCreator.code()).isEqualTo("FORBIDDEN");
        assertThat(unknownProduct.status()).isEqualTo(404);
        assertThat(unknownProduct.code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(malformedProduct.code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(api.post("/api/drops", body(productId), null).status()).isEqualTo(401);
    }

    @Test
    void unknownOrMalformedDropIsNotFound() {
        for (String id : List.of(UUID.randomUUID().toString(), "drop-1")) {
            Response response = api.get("/api/drops/" + id, null);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.code()).isEqualTo("DROP_NOT_FOUND");
            assertThat(api.patch(
                                    "/api/drops/" + id,
                                    Map.of("initialStock", 5),
                                    api.newCreator().token())
                            .code())
                    .isEqualTo("DROP_NOT_FOUND");
        }
    }

    @Test
    void ownerReschedulesAnUpcomingDropAndItIsAnnouncedAgain() {
        User creator = api.newCreator();
        JsonNode drop = api.newDrop(creator, inOneHour, inTwoHours, 100);
        String dropId = drop.path("id").asString();
        Instant later = inOneHour.plus(Duration.ofMinutes(30));

        Response updated = api.patch(
                "/api/drops/" + dropId,
                Map.of("startsAt", later.toString(), "initialStock", 5, "perUserLimit", 2),
                creator.token());

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(Instant.parse(updated.text("startsAt"))).isEqualTo(later);
        assertThat(Instant.parse(updated.text("endsAt"))).isEqualTo(inTwoHours);
        assertThat(updated.body().path("initialStock").asInt()).isEqualTo(5);
        assertThat(updated.body().path("available").asInt()).isEqualTo(5);
        assertThat(updated.body().path("perUserLimit").asInt()).isEqualTo(2);
        assertThat(updated.body().path("lowStockThreshold").asInt())
                .as("the old threshold (10) no longer fits 5: back to the default")
                .isZero();
        assertThat(api.get("/api/drops/" + dropId, null).body()).isEqualTo(updated.body());

        List<JsonNode> scheduled = new Outboxes(jdbc).events(DropScheduled.TOPIC, dropId);
        assertThat(scheduled).hasSize(2);
        assertThat(Instant.parse(scheduled.get(1).path("data").path("startsAt").asString()))
                .isEqualTo(later);
        assertThat(scheduled.get(1).path("data").path("initialStock").asInt()).isEqualTo(5);
    }

    @Test
    void invalidReschedulesAreRejected() {
        User creator = api.newCreator();
        String dropId =
                api.newDrop(creator, inOneHour, inTwoHours, 10).path("id").asString();

        Response endsBeforeStart = api.patch(
                "/api/drops/" + dropId,
                Map.of("endsAt", inOneHour.minusSeconds(1).toString()),
                creator.token());
        Response limitAboveStock = api.patch("/api/drops/" + dropId, Map.of("perUserLimit", 11), creator.token());

        assertThat(endsBeforeStart.status()).isEqualTo(400);
        assertThat(endsBeforeStart.errorFields()).contains("endsAt");
        assertThat(limitAboveStock.errorFields()).containsExactly("perUserLimit");
        assertThat(new Outboxes(jdbc).events(DropScheduled.TOPIC, dropId)).hasSize(1);
    }

    @Test
    void liveAndEndedDropsAreNotEditable() {
        User creator = api.newCreator();
        String productId = api.createProduct(creator, "p").path("id").asString();
        String live = api.createDrop(creator, productId, Instant.now().minusSeconds(1), inOneHour, 5)
                .id();
        String ended = new DropRows(jdbc)
                .insert(
                        creator.id(),
                        productId,
                        Instant.now().minusSeconds(7200),
                        Instant.now().minusSeconds(3600));

        for (String dropId : List.of(live, ended)) {
            Response response = api.patch("/api/drops/" + dropId, Map.of("initialStock", 3), creator.token());
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.code()).isEqualTo("DROP_NOT_EDITABLE");
        }
    }

    @Test
    void othersCannotChangeADrop() {
        String dropId = api.newDrop(api.newCreator(), inOneHour, inTwoHours, 10)
                .path("id")
                .asString();

        Response other = api.patch(
                "/api/drops/" + dropId,
                Map.of("initialStock", 1),
                api.newCreator().token());

        assertThat(other.status()).isEqualTo(403);
        assertThat(other.code()).isEqualTo("FORBIDDEN");
        assertThat(api.patch("/api/drops/" + dropId, Map.of("initialStock", 1), null)
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/drops/" + dropId, null)
                        .body()
                        .path("initialStock")
                        .asInt())
                .isEqualTo(10);
    }

    @Test
    void upcomingDropsFollowTheirProductsPriceButLiveOnesKeepTheirs() {
        User creator = api.newCreator();
        String productId = api.createProduct(creator, "Tee").path("id").asString();
        String upcoming =
                api.createDrop(creator, productId, inOneHour, inTwoHours, 5).id();
        String live = api.createDrop(creator, productId, Instant.now().minusSeconds(1), inOneHour, 5)
                .id();

        api.patch("/api/products/" + productId, Map.of("priceCents", 1234, "title", "Tee v2"), creator.token());

        JsonNode upcomingProduct =
                api.get("/api/drops/" + upcoming, null).body().path("product");
        JsonNode liveProduct = api.get("/api/drops/" + live, null).body().path("product");
        assertThat(upcomingProduct.path("priceCents").asLong()).isEqualTo(1234);
        assertThat(upcomingProduct.path("title").asString()).isEqualTo("Tee v2");
        assertThat(liveProduct.path("priceCents").asLong()).isEqualTo(2500);
        assertThat(liveProduct.path("title").asString()).isEqualTo("Tee v2");
        List<JsonNode> announced = new Outboxes(jdbc).events(DropScheduled.TOPIC, upcoming);
        assertThat(announced).hasSize(2);
        assertThat(announced.get(1).path("data").path("unitPriceCents").asLong())
                .isEqualTo(1234);
        assertThat(announced.get(1).path("data").path("title").asString()).isEqualTo("Tee v2");
        assertThat(new Outboxes(jdbc).events(DropScheduled.TOPIC, live)).hasSize(1);
    }

    private void assertRejected(User creator, Map<String, Object> body, String field) {
        Response response = api.post("/api/drops", body, creator.token());
        assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.errorFields()).as(body.toString()).contains(field);
    }

    private Map<String, Object> body(String productId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("productId", productId);
        body.put("startsAt", inOneHour.toString());
        body.put("endsAt", inTwoHours.toString());
        body.put("initialStock", 10);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}

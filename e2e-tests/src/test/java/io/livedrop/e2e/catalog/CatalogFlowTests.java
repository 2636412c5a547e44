package io.livedrop.e2e.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.e2e.support.Api;
import io.livedrop.e2e.support.ApiResponse;
import io.livedrop.e2e.support.Fleet;
import io.livedrop.e2e.support.Users;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A creator's path through the gateway: become a creator, add a product, schedule a drop that starts
 * in a few seconds; shoppers see it under upcoming, then under live, and drop.started is on Kafka.
 */
class CatalogFlowTests {

    private final Fleet fleet = Fleet.shared();
    private final Api api = Api.gateway();

    @Test
    void aScheduledDropIsUpcomingThenLiveAndItsStartIsAnnounced() throws Exception {
        Users.User creator = Users.register(api, "E2E Creator");
        String handle = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

        ApiResponse profile = api.post(
                "/api/creators", Map.of("handle", handle, "displayName", "E2E Creator"), creator.accessToken());
        assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
        assertThat(profile.text("id")).isEqualTo(creator.id());
        assertThat(api.get("/api/creators/" + creator.id(), null).text("handle"))
                .isEqualTo(handle);

        ApiResponse product = api.post(
                "/api/products",
                Map.of("title", "E2E Hoodie", "description", "Soft", "priceCents", 5900, "currency", "EUR"),
                creator.accessToken());
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        String productId = product.text("id");

        Instant startsAt = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.MILLIS);
        ApiResponse drop = api.post(
                "/api/drops",
                Map.of(
                        "productId",
                        productId,
                        "startsAt",
                        startsAt.toString(),
                        "endsAt",
                        startsAt.plus(Duration.ofHours(1)).toString(),
                        "initialStock",
                        100),
                creator.accessToken());
        assertThat(drop.status()).as(drop.toString()).isEqualTo(201);
        String dropId = drop.text("id");
        assertThat(drop.text("status")).isEqualTo("upcoming");

        String byCreator = "&creatorId=" + creator.id();
        assertThat(ids(api.get("/api/drops?status=upcoming" + byCreator, null))).containsExactly(dropId);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> live = List.of();
        while (System.nanoTime() < deadline && !live.contains(dropId)) {
            Thread.sleep(500);
            live = ids(api.get("/api/drops?status=live" + byCreator, null));
        }
        assertThat(live).containsExactly(dropId);
        assertThat(ids(api.get("/api/drops?status=upcoming" + byCreator, null))).isEmpty();
        ApiResponse liveDrop = api.get("/api/drops/" + dropId, null);
        assertThat(liveDrop.text("status")).isEqualTo("live");
        assertThat(liveDrop.body().path("product").path("title").asString()).isEqualTo("E2E Hoodie");
        assertThat(liveDrop.body().path("creator").path("handle").asString()).isEqualTo(handle);

        JsonNode started = dropStartedEvent(dropId);
        assertThat(started.path("type").asString()).isEqualTo("drop.started");
        assertThat(started.path("data").path("dropId").asString()).isEqualTo(dropId);
        assertThat(started.path("data").path("creatorId").asString()).isEqualTo(creator.id());
        assertThat(started.path("data").path("title").asString()).isEqualTo("E2E Hoodie");
    }

    @Test
    void browsingIsPublicAndEditingIsNot() {
        assertThat(api.get("/api/drops?status=upcoming", null).status()).isEqualTo(200);
        assertThat(api.get("/api/products?q=hoodie", null).status()).isEqualTo(200);
        assertThat(api.get("/api/drops/" + UUID.randomUUID(), null).code()).isEqualTo("DROP_NOT_FOUND");
        assertThat(api.get("/api/drops?followed=true", null).status()).isEqualTo(401);

        Users.User shopper = Users.register(api);
        ApiResponse notCreator = api.post(
                "/api/products",
                Map.of("title", "x", "description", "", "priceCents", 1, "currency", "EUR"),
                shopper.accessToken());
        assertThat(notCreator.status()).isEqualTo(403);
        assertThat(notCreator.code()).isEqualTo("NOT_A_CREATOR");
    }

    private JsonNode dropStartedEvent(String dropId) {
        Map<String, Object> config = Map.of(
                "bootstrap.servers", fleet.kafkaBootstrapServers(),
                "group.id", "e2e-catalog-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            consumer.subscribe(List.of("drop.started"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (dropId.equals(record.key())) {
                        return Api.json().readTree(record.value());
                    }
                }
            }
        }
        throw new AssertionError("no drop.started for " + dropId + " on Kafka within 30 s");
    }

    private static List<String> ids(ApiResponse page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.body().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}

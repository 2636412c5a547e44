package io.livedrop.inventory.stock.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.events.SoldOut;
import io.livedrop.common.events.StockChanged;
import io.livedrop.common.events.StockLow;
import io.livedrop.inventory.InventoryIntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code stock.low} once per threshold crossing, {@code sold_out} once per drop, {@code stock.changed}
 * coalesced — counted in the outbox (written in the transaction that caused them) and read back from
 * Kafka as consumers see them.
 */
class StockEventsTests extends InventoryIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    StockProperties properties;

    @Test
    void stockLowIsAnnouncedOncePerThresholdCrossing() {
        UUID dropId = drops.live(10, 10, 5);
        List<String> holds = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            holds.add(api.reserve(dropId, "user-" + i, 1).text("reservationId")); // 9 ... 3 left
        }
        assertThat(dataOf(dropId, StockLow.TOPIC)).singleElement().satisfies(low -> {
            assertThat(low.get("available").asInt()).isEqualTo(4);
            assertThat(low.get("threshold").asInt()).isEqualTo(5);
        });

        api.release(holds.get(0)); // 4 left: still below, no new crossing
        api.reserve(dropId, "user-a", 1); // 3 left
        assertThat(dataOf(dropId, StockLow.TOPIC)).hasSize(1);

        api.release(holds.get(1));
        api.release(holds.get(2)); // 5 left: back at the threshold, armed again
        api.reserve(dropId, "user-b", 1); // 4 left: a new crossing

        assertThat(dataOf(dropId, StockLow.TOPIC))
                .hasSize(2)
                .last()
                .satisfies(low -> assertThat(low.get("available").asInt()).isEqualTo(4));
        List<JsonNode> published = publishedEvents(StockLow.TOPIC, dropId, 2);
        assertThat(published).hasSize(2);
        assertThat(published.getFirst().get("type").asString()).isEqualTo(StockLow.TOPIC);
        assertThat(published.getFirst().get("subject").asString()).isEqualTo(dropId.toString());
    }

    @Test
    void soldOutIsAnnouncedOncePerDrop() {
        UUID dropId = drops.live(3, 1, 2);
        String first = api.reserve(dropId, "user-1", 1).text("reservationId");
        api.reserve(dropId, "user-2", 1);
        api.reserve(dropId, "user-3", 1);
        assertThat(dataOf(dropId, SoldOut.TOPIC))
                .singleElement()
                .satisfies(
                        soldOut -> assertThat(soldOut.get("dropId").asString()).isEqualTo(dropId.toString()));

        api.release(first); // back on sale ...
        api.reserve(dropId, "user-4", 1); // ... and sold out again: not announced a second time

        assertThat(dataOf(dropId, SoldOut.TOPIC)).hasSize(1);
        assertThat(dataOf(dropId, StockLow.TOPIC))
                .singleElement()
                .satisfies(low -> assertThat(low.get("available").asInt()).isEqualTo(1));
        List<JsonNode> published = publishedEvents(SoldOut.TOPIC, dropId, 1);
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.get("specversion").asString()).isEqualTo("1.0");
            assertThat(event.get("source").asString()).isEqualTo("inventory-service");
            assertThat(event.get("data").get("dropId").asString()).isEqualTo(dropId.toString());
        });
    }

    @Test
    void sellingOutFromAboveTheThresholdAnnouncesOnlySoldOut() {
        UUID dropId = drops.live(5, 5, 2);

        api.reserve(dropId, "user-1", 5);

        assertThat(dataOf(dropId, SoldOut.TOPIC)).hasSize(1);
        assertThat(dataOf(dropId, StockLow.TOPIC)).isEmpty();
    }

    @Test
    void stockChangedIsCoalescedAndEndsWithTheLatestCounts() {
        UUID dropId = drops.live(100, 1, null);
        List<String> holds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            holds.add(api.reserve(dropId, "user-" + i, 1).text("reservationId"));
        }
        for (int i = 0; i < 5; i++) {
            api.confirm(holds.get(i));
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> dataOf(dropId, StockChanged.TOPIC).stream()
                        .anyMatch(e -> e.get("available").asInt() == 70
                                && e.get("sold").asInt() == 5));

        List<JsonNode> changes = dataOf(dropId, StockChanged.TOPIC);
        assertThat(changes.getLast().get("reserved").asInt()).isEqualTo(25);
        List<OffsetDateTime> times = outboxTimes(dropId);
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i)))
                    .as("gap between stock.changed events")
                    .isGreaterThanOrEqualTo(properties.stockChangedInterval());
        }
        List<JsonNode> published = publishedEvents(StockChanged.TOPIC, dropId, changes.size());
        assertThat(published.getLast().get("data").get("available").asInt()).isEqualTo(70);
    }

    private List<JsonNode> dataOf(UUID dropId, String topic) {
        return drops.outboxPayloads(dropId, topic).stream()
                .map(payload -> JSON.readTree(payload).get("data"))
                .toList();
    }

    private List<OffsetDateTime> outboxTimes(UUID dropId) {
        return jdbc.sql("""
                        select created_at from outbox_event
                        where event_key = :key and topic = :topic order by id
                        """)
                .param("key", dropId.toString())
                .param("topic", StockChanged.TOPIC)
                .query(OffsetDateTime.class)
                .list();
    }
}

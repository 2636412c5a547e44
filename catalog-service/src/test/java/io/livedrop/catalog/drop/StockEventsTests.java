package io.livedrop.catalog.drop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.drop.messaging.StockEventsListener;
import io.livedrop.catalog.support.Response;
import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.SoldOut;
import io.livedrop.common.events.StockChanged;
import io.livedrop.common.test.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** {@code available} / {@code soldOut} follow inventory's stock.changed and sold_out events. */
class StockEventsTests extends CatalogIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    StockEventsListener listener;

    TestEvents events;
    String dropId;

    @BeforeEach
    void setUp() {
        events = new TestEvents(kafka, codec);
        dropId = api.newDrop(
                        api.newCreator(),
                        Instant.now().minusSeconds(1),
                        Instant.now().plusSeconds(3600),
                        50)
                .path("id")
                .asString();
    }

    @Test
    void availableStockFollowsInventoryAndTheCachedDropIsRefreshed() {
        assertThat(drop().body().path("available").asInt())
                .as("initialStock until inventory reports")
                .isEqualTo(50);

        events.publish(StockChanged.TOPIC, dropId, new StockChanged(dropId, 42, 5, 3));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> drop().body().path("available").asInt() == 42);
        assertThat(drop().body().path("soldOut").asBoolean()).isFalse();
    }

    @Test
    void soldOutMarksTheDropSoldOut() {
        events.publish(StockChanged.TOPIC, dropId, new StockChanged(dropId, 2, 0, 48));
        events.publish(SoldOut.TOPIC, dropId, new SoldOut(dropId));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> drop().body().path("soldOut").asBoolean());
        assertThat(drop().body().path("available").asInt()).isZero();
    }

    /**
     * The stale report is asserted on once the listener has handled it (its id is in
     * {@code processed_event}, written in the effect's transaction), with no newer report after it
     * that could hide a rollback.
     */
    @Test
    void anOutOfDateReportDoesNotRollTheStockBack() {
        Instant now = Instant.now();
        events.publish(UUID.randomUUID(), StockChanged.TOPIC, dropId, new StockChanged(dropId, 10, 0, 40), now);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> drop().body().path("available").asInt() == 10);

        UUID stale = events.publish(
                UUID.randomUUID(),
                StockChanged.TOPIC,
                dropId,
                new StockChanged(dropId, 30, 0, 20),
                now.minusSeconds(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed("catalog-stock-changed", stale));

        assertThat(availableInDatabase()).isEqualTo(10);
        assertThat(drop().body().path("available").asInt()).isEqualTo(10);
    }

    /** Called directly, as the listener container would on a redelivery: deterministic, no timing. */
    @Test
    void aRedeliveredEventChangesNothing() {
        Instant now = Instant.now();
        String first =
                events.envelope(StockChanged.TOPIC, dropId, new StockChanged(dropId, 20, 0, 30), now.plusSeconds(5));
        String second =
                events.envelope(StockChanged.TOPIC, dropId, new StockChanged(dropId, 19, 0, 31), now.plusSeconds(1));

        listener.onStockChanged(first);
        assertThat(drop().body().path("available").asInt()).isEqualTo(20);
        listener.onStockChanged(second); // older than the first: ignored
        assertThat(drop().body().path("available").asInt()).isEqualTo(20);
        jdbc.sql("update drops set available = 19, stock_changed_at = null where id = cast(:id as uuid)")
                .param("id", dropId)
                .update();
        listener.onStockChanged(first); // already processed: ignored even though it is the newest
        assertThat(jdbc.sql("select available from drops where id = cast(:id as uuid)")
                        .param("id", dropId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(19);
        listener.onSoldOut(events.envelope(SoldOut.TOPIC, UUID.randomUUID().toString(), new SoldOut("x"), now));
    }

    private boolean processed(String consumer, UUID eventId) {
        return jdbc.sql("select count(*) from processed_event where consumer = :consumer and event_id = :id")
                        .param("consumer", consumer)
                        .param("id", eventId)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private int availableInDatabase() {
        return jdbc.sql("select available from drops where id = cast(:id as uuid)")
                .param("id", dropId)
                .query(Integer.class)
                .single();
    }

    private Response drop() {
        return api.get("/api/drops/" + dropId, null);
    }
}

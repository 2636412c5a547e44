package io.livedrop.inventory.stock.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.events.DropEnded;
import io.livedrop.common.events.DropScheduled;
import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.EventEnvelope;
import io.livedrop.inventory.InventoryIntegrationTest;
import io.livedrop.inventory.TestDrops;
import io.livedrop.inventory.stock.domain.DropStock;
import io.livedrop.inventory.stock.domain.StockLevels;
import io.livedrop.inventory.stock.persistence.DropStockRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** catalog's drop.scheduled / drop.ended, sent through Kafka as catalog's outbox relay would. */
class DropEventsTests extends InventoryIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    DropStockRepository stock;

    @Test
    void scheduledDropGetsItsStockWindowAndLimits() {
        UUID dropId = UUID.randomUUID();
        Instant startsAt = clock.instant().plusSeconds(600);
        Instant endsAt = startsAt.plusSeconds(3600);

        send(DropScheduled.TOPIC, dropId, TestDrops.scheduled(dropId, 50, 2, 5, startsAt, endsAt), clock.instant());

        DropStock drop = awaitDrop(dropId, d -> true);
        assertThat(drop.levels()).isEqualTo(StockLevels.initial(50));
        assertThat(drop.startsAt()).isEqualTo(startsAt);
        assertThat(drop.endsAt()).isEqualTo(endsAt);
        assertThat(drop.perUserLimit()).isEqualTo(2);
        assertThat(drop.lowStockThreshold()).isEqualTo(5);
        assertThat(api.reserve(dropId, "user-1", 1).code())
                .as("not started yet")
                .isEqualTo("DROP_NOT_LIVE");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID dropId = drops.live(10, 2, null);
        api.reserve(dropId, "user-1", 2);
        Instant at = clock.instant();
        var envelope = EventEnvelope.of(
                UUID.randomUUID(),
                "catalog-service",
                DropScheduled.TOPIC,
                at,
                dropId.toString(),
                TestDrops.scheduled(dropId, 20, 2, null, at.minusSeconds(60), at.plusSeconds(3600)));
        kafka.send(DropScheduled.TOPIC, dropId.toString(), codec.write(envelope));
        awaitDrop(dropId, d -> d.levels().stock() == 20);
        // an operator changes the stock directly; a redelivery of the same event must not undo it
        jdbc.sql("update drop_stock set stock = stock + 1, available = available + 1 where drop_id = :id")
                .param("id", dropId)
                .update();

        int partition = kafka.send(DropScheduled.TOPIC, dropId.toString(), codec.write(envelope))
                .join()
                .getRecordMetadata()
                .partition();
        // a later record on the same partition: once it is applied, the redelivery was handled
        UUID marker = UUID.randomUUID();
        var markerEvent = EventEnvelope.of(
                UUID.randomUUID(),
                "catalog-service",
                DropScheduled.TOPIC,
                at,
                marker.toString(),
                TestDrops.scheduled(marker, 1, 1, null, at, at.plusSeconds(60)));
        kafka.send(DropScheduled.TOPIC, partition, marker.toString(), codec.write(markerEvent));
        awaitDrop(marker, d -> true);

        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(21, 19, 2, 0));
    }

    @Test
    void rescheduleWithoutReservationsReplacesStockWindowAndLimits() {
        UUID dropId = UUID.randomUUID();
        Instant startsAt = clock.instant().plusSeconds(600);
        schedules.schedule(
                TestDrops.scheduled(dropId, 50, 1, null, startsAt, startsAt.plusSeconds(60)), clock.instant());

        Instant later = startsAt.plusSeconds(3600);
        send(
                DropScheduled.TOPIC,
                dropId,
                TestDrops.scheduled(dropId, 80, 3, 10, later, later.plusSeconds(60)),
                clock.instant());

        DropStock drop = awaitDrop(dropId, d -> d.levels().stock() == 80);
        assertThat(drop.levels()).isEqualTo(StockLevels.initial(80));
        assertThat(drop.startsAt()).isEqualTo(later);
        assertThat(drop.perUserLimit()).isEqualTo(3);
        assertThat(drop.lowStockThreshold()).isEqualTo(10);
    }

    @Test
    void stockChangeWithReservationsKeepsHoldsAndSales() {
        UUID dropId = drops.live(10, 5, null);
        String sold = api.reserve(dropId, "user-1", 3).text("reservationId");
        api.confirm(sold);
        api.reserve(dropId, "user-2", 4);
        Instant start = clock.instant().minusSeconds(60);

        schedules.schedule(TestDrops.scheduled(dropId, 12, 5, null, start, start.plusSeconds(3600)), clock.instant());
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(12, 5, 4, 3));

        schedules.schedule(TestDrops.scheduled(dropId, 2, 5, null, start, start.plusSeconds(3600)), clock.instant());
        assertThat(drops.assertConsistent(dropId))
                .as("a decrease stops at what is held or sold")
                .isEqualTo(new StockLevels(7, 0, 4, 3));
    }

    @Test
    void anOlderScheduleNeverOverwritesANewerOne() {
        UUID dropId = UUID.randomUUID();
        Instant startsAt = clock.instant().plusSeconds(600);
        Instant newer = clock.instant();
        schedules.schedule(TestDrops.scheduled(dropId, 50, 1, null, startsAt, startsAt.plusSeconds(60)), newer);

        schedules.schedule(
                TestDrops.scheduled(dropId, 10, 1, null, startsAt, startsAt.plusSeconds(60)), newer.minusSeconds(5));

        assertThat(stock.find(dropId).orElseThrow().levels()).isEqualTo(StockLevels.initial(50));
    }

    @Test
    void endedDropTakesNoMoreReservationsButFinishesItsHolds() {
        UUID dropId = drops.live(10, 2, null);
        String held = api.reserve(dropId, "user-1", 1).text("reservationId");
        String toRelease = api.reserve(dropId, "user-2", 1).text("reservationId");

        send(DropEnded.TOPIC, dropId, new DropEnded(dropId.toString()), clock.instant());
        awaitDrop(dropId, d -> d.endedAt() != null);

        assertThat(api.reserve(dropId, "user-3", 1).code()).isEqualTo("DROP_NOT_LIVE");
        assertThat(api.confirm(held).text("status")).isEqualTo("confirmed");
        assertThat(api.release(toRelease).text("status")).isEqualTo("released");
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 9, 0, 1));
    }

    private void send(String topic, UUID key, Object data, Instant time) {
        var envelope = EventEnvelope.of(UUID.randomUUID(), "catalog-service", topic, time, key.toString(), data);
        kafka.send(topic, key.toString(), codec.write(envelope));
    }

    private DropStock awaitDrop(UUID dropId, java.util.function.Predicate<DropStock> condition) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> stock.find(dropId).filter(condition).isPresent());
        Optional<DropStock> drop = stock.find(dropId);
        return drop.orElseThrow();
    }
}

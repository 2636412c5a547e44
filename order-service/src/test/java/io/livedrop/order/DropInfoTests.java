package io.livedrop.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.events.DropScheduled;
import io.livedrop.common.test.Reply;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** order-service's copy of a drop follows drop.scheduled by event time, never back to an older state. */
class DropInfoTests extends OrderIntegrationTest {

    private static final String CONSUMER = "order-drop-scheduled";

    @Test
    void aReplayedOlderDropScheduledDoesNotRestoreTheOldPrice() {
        String dropId = fixtures.liveDrop(10, 1, 2500);

        UUID replayed = fixtures.publishAt(
                DropScheduled.TOPIC,
                dropId,
                scheduled(dropId, 1000),
                Instant.now().minusSeconds(3600));
        fixtures.awaitProcessed(CONSUMER, replayed);

        assertThat(priceOf(dropId)).isEqualTo(2500);
        Reply order = api.placeOrder(fixtures.newUser(), UUID.randomUUID().toString(), dropId, 1);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.json().path("unitPriceCents").asLong()).isEqualTo(2500);
    }

    @Test
    void aNewerRescheduleIsAppliedAndNewOrdersUseItsPriceAtOnce() {
        String dropId = fixtures.liveDrop(10, 1, 2500);
        assertThat(api.placedOrder(fixtures.newUser(), dropId, 1)).isNotBlank(); // now in memory too

        UUID rescheduled = fixtures.publish(DropScheduled.TOPIC, dropId, scheduled(dropId, 3000));
        fixtures.awaitProcessed(CONSUMER, rescheduled);

        assertThat(priceOf(dropId)).isEqualTo(3000);
        Reply order = api.placeOrder(fixtures.newUser(), UUID.randomUUID().toString(), dropId, 1);
        assertThat(order.json().path("unitPriceCents").asLong()).isEqualTo(3000);
    }

    private long priceOf(String dropId) {
        return jdbc.sql("select unit_price_cents from drop_info where drop_id = :id")
                .param("id", dropId)
                .query(Long.class)
                .single();
    }

    private static DropScheduled scheduled(String dropId, long priceCents) {
        return new DropScheduled(
                dropId,
                "product-" + dropId,
                "creator-1",
                Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(3600),
                10,
                null,
                1,
                priceCents,
                "EUR",
                "A drop",
                false);
    }
}

package io.livedrop.inventory.reservation.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.events.SoldOut;
import io.livedrop.inventory.InventoryApi.Response;
import io.livedrop.inventory.InventoryIntegrationTest;
import io.livedrop.inventory.Race;
import io.livedrop.inventory.stock.domain.StockLevels;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;

/** Buyers racing through the HTTP API for the same drop: never more holds than stock or limit. */
class ReserveConcurrencyTests extends InventoryIntegrationTest {

    @RepeatedTest(3)
    void hundredsOfBuyersRacingForAHundredUnitsGetExactlyAHundredHolds() throws Exception {
        UUID dropId = drops.live(100, 1, 10);
        int buyers = 300;

        List<Response> responses = Race.run(buyers, i -> api.reserve(dropId, "buyer-" + UUID.randomUUID(), 1));

        Map<Integer, Long> byStatus = countBy(responses, Response::status);
        assertThat(byStatus).containsOnlyKeys(201, 409).containsEntry(201, 100L).containsEntry(409, 200L);
        assertThat(responses.stream().filter(r -> r.status() == 409).map(Response::code))
                .containsOnly("SOLD_OUT");
        StockLevels levels = drops.assertConsistent(dropId);
        assertThat(levels).isEqualTo(new StockLevels(100, 0, 100, 0));
        assertThat(drops.countIn(dropId, "held")).isEqualTo(100);
        assertThat(drops.outboxPayloads(dropId, SoldOut.TOPIC)).hasSize(1);
    }

    @RepeatedTest(3)
    void buyersAskingForSeveralUnitsNeverTakeMoreThanTheStock() throws Exception {
        UUID dropId = drops.live(100, 5, null);

        List<Response> responses = Race.run(200, i -> api.reserve(dropId, "buyer-" + UUID.randomUUID(), quantityOf(i)));

        int held = responses.stream()
                .filter(r -> r.status() == 201)
                .mapToInt(r -> r.body().get("quantity").asInt())
                .sum();
        assertThat(responses).allMatch(r -> r.status() == 201 || "SOLD_OUT".equals(r.code()));
        StockLevels levels = drops.assertConsistent(dropId);
        assertThat(levels.reserved()).isEqualTo(held);
        // nothing was given back, so a request was refused only for asking more than what is left now
        int smallestRefused = java.util.stream.IntStream.range(0, responses.size())
                .filter(i -> responses.get(i).status() == 409)
                .map(ReserveConcurrencyTests::quantityOf)
                .min()
                .orElseThrow();
        assertThat(levels.available()).isLessThan(smallestRefused);
    }

    private static int quantityOf(int request) {
        return 1 + request % 3;
    }

    @RepeatedTest(3)
    void oneUserRacingWithManyRequestsNeverHoldsMoreThanTheLimit() throws Exception {
        UUID dropId = drops.live(100, 3, null);
        String user = "greedy-" + UUID.randomUUID();

        List<Response> responses = Race.run(60, i -> api.reserve(dropId, user, 1 + i % 2));

        assertThat(responses).allMatch(r -> r.status() == 201 || "PER_USER_LIMIT_EXCEEDED".equals(r.code()));
        int held = responses.stream()
                .filter(r -> r.status() == 201)
                .mapToInt(r -> r.body().get("quantity").asInt())
                .sum();
        // a one-unit request is refused only once the user holds the whole limit
        assertThat(held).isEqualTo(3);
        assertThat(drops.assertConsistent(dropId).reserved()).isEqualTo(3);
        assertThat(jdbc.sql("select quantity from user_holding where drop_id = :d and user_id = :u")
                        .param("d", dropId)
                        .param("u", user)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @RepeatedTest(3)
    void retriesOfOneReservationRacingEachOtherHoldStockOnce() throws Exception {
        UUID dropId = drops.live(10, 5, null);
        UUID reservationId = UUID.randomUUID();
        var expiresAt = java.time.Instant.now().plusSeconds(600);

        List<Response> responses = Race.run(20, i -> api.reserve(reservationId, dropId, "retrier", 2, expiresAt));

        assertThat(countBy(responses, Response::status)).containsEntry(201, 1L).containsEntry(200, 19L);
        assertThat(responses).extracting(r -> r.text("reservationId")).containsOnly(reservationId.toString());
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 8, 2, 0));
    }

    private static <K> Map<K, Long> countBy(List<Response> responses, Function<Response, K> key) {
        return responses.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}

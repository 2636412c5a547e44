package io.livedrop.inventory.reservation.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.inventory.InventoryApi.Response;
import io.livedrop.inventory.InventoryIntegrationTest;
import io.livedrop.inventory.TestDrops;
import io.livedrop.inventory.stock.domain.StockLevels;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The internal API of INTERNAL-API.md: statuses, codes, and idempotency of every call. */
class ReservationLifecycleTests extends InventoryIntegrationTest {

    @Test
    void reserveHoldsStockAndAnswersTheReservation() {
        UUID dropId = drops.live(10, 2, null);
        UUID reservationId = UUID.randomUUID();
        Instant expiresAt = Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.MILLIS);

        Response response = api.reserve(reservationId, dropId, "user-1", 2, expiresAt);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("reservationId")).isEqualTo(reservationId.toString());
        assertThat(response.text("dropId")).isEqualTo(dropId.toString());
        assertThat(response.text("userId")).isEqualTo("user-1");
        assertThat(response.body().get("quantity").asInt()).isEqualTo(2);
        assertThat(response.text("status")).isEqualTo("held");
        assertThat(Instant.parse(response.text("expiresAt"))).isEqualTo(expiresAt);
        assertThat(response.body().get("createdAt")).isNotNull();
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 8, 2, 0));
    }

    @Test
    void repeatedReserveAnswersTheExistingReservationWithoutHoldingTwice() {
        UUID dropId = drops.live(10, 2, null);
        UUID reservationId = UUID.randomUUID();
        Instant expiresAt = TestDrops.inAnHour();

        Response first = api.reserve(reservationId, dropId, "user-1", 2, expiresAt);
        Response again = api.reserve(reservationId, dropId, "user-1", 2, expiresAt);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 8, 2, 0));
    }

    @Test
    void repeatedReserveAnswersTheReservationWhateverItsState() {
        UUID dropId = drops.live(10, 1, null);
        UUID reservationId = UUID.randomUUID();
        Instant expiresAt = TestDrops.inAnHour();
        api.reserve(reservationId, dropId, "user-1", 1, expiresAt);
        api.release(reservationId);

        Response again = api.reserve(reservationId, dropId, "user-1", 1, expiresAt);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("released");
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 10, 0, 0));
    }

    @Test
    void confirmSellsTheHoldOnceAndIsIdempotent() {
        UUID dropId = drops.live(10, 2, null);
        String id = api.reserve(dropId, "user-1", 2).text("reservationId");

        Response first = api.confirm(id);
        Response again = api.confirm(id);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("confirmed");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 8, 0, 2));
    }

    @Test
    void releasePutsTheHoldBackOnSaleOnceAndIsIdempotent() {
        UUID dropId = drops.live(10, 2, null);
        String id = api.reserve(dropId, "user-1", 2).text("reservationId");

        Response first = api.release(id);
        Response again = api.release(id);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("released");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("released");
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 10, 0, 0));
    }

    @Test
    void returnPutsASaleBackOnSaleOnceAndIsIdempotent() {
        UUID dropId = drops.live(10, 2, null);
        String id = api.reserve(dropId, "user-1", 2).text("reservationId");
        api.confirm(id);

        Response first = api.returnSold(id);
        Response again = api.returnSold(id);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("returned");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("returned");
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 10, 0, 0));
    }

    @Test
    void releasedAndReturnedUnitsGiveTheUserTheirAllowanceBack() {
        UUID dropId = drops.live(10, 1, null);
        String first = api.reserve(dropId, "user-1", 1).text("reservationId");
        assertThat(api.reserve(dropId, "user-1", 1).code()).isEqualTo("PER_USER_LIMIT_EXCEEDED");

        api.release(first);
        String second = api.reserve(dropId, "user-1", 1).text("reservationId");
        api.confirm(second);
        assertThat(api.reserve(dropId, "user-1", 1).code()).isEqualTo("PER_USER_LIMIT_EXCEEDED");
        api.returnSold(second);

        assertThat(api.reserve(dropId, "user-1", 1).status()).isEqualTo(201);
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 9, 1, 0));
    }

    @Test
    void aReleasedHoldCannotBeConfirmed() {
        UUID dropId = drops.live(10);
        String id = api.reserve(dropId, "user-1", 1).text("reservationId");
        api.release(id);

        Response response = api.confirm(id);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("RESERVATION_NOT_ACTIVE");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 10, 0, 0));
    }

    @Test
    void aConfirmedHoldCannotBeReleased() {
        UUID dropId = drops.live(10);
        String id = api.reserve(dropId, "user-1", 1).text("reservationId");
        api.confirm(id);

        Response response = api.release(id);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("RESERVATION_NOT_ACTIVE");
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 9, 0, 1));
    }

    @Test
    void onlyAConfirmedHoldCanBeReturned() {
        UUID dropId = drops.live(10);
        String held = api.reserve(dropId, "user-1", 1).text("reservationId");
        String released = api.reserve(dropId, "user-2", 1).text("reservationId");
        api.release(released);

        assertThat(api.returnSold(held).code()).isEqualTo("RESERVATION_NOT_ACTIVE");
        assertThat(api.returnSold(released).code()).isEqualTo("RESERVATION_NOT_ACTIVE");
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 9, 1, 0));
    }

    @Test
    void aReturnedSaleCannotBeConfirmedOrReleasedAgain() {
        UUID dropId = drops.live(10);
        String id = api.reserve(dropId, "user-1", 1).text("reservationId");
        api.confirm(id);
        api.returnSold(id);

        assertThat(api.confirm(id).code()).isEqualTo("RESERVATION_NOT_ACTIVE");
        assertThat(api.release(id).code()).isEqualTo("RESERVATION_NOT_ACTIVE");
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 10, 0, 0));
    }

    @Test
    void unknownReservationsAreNotFound() {
        for (String id : new String[] {UUID.randomUUID().toString(), "not-a-uuid"}) {
            for (Response response : new Response[] {api.confirm(id), api.release(id), api.returnSold(id)}) {
                assertThat(response.status()).isEqualTo(404);
                assertThat(response.code()).isEqualTo("RESERVATION_NOT_FOUND");
            }
        }
    }

    @Test
    void reservingStockOfAnUnknownDropIsDropNotFound() {
        Response response = api.reserve(UUID.randomUUID(), "user-1", 1);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("DROP_NOT_FOUND");
    }

    @Test
    void reservingBeforeTheStartOrAfterTheEndIsDropNotLive() {
        Instant now = Instant.now();
        UUID upcoming = UUID.randomUUID();
        schedules.schedule(TestDrops.scheduled(upcoming, 10, 1, null, now.plusSeconds(600), now.plusSeconds(900)), now);
        UUID over = UUID.randomUUID();
        schedules.schedule(TestDrops.scheduled(over, 10, 1, null, now.minusSeconds(900), now.minusSeconds(1)), now);

        for (UUID dropId : new UUID[] {upcoming, over}) {
            Response response = api.reserve(dropId, "user-1", 1);
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.code()).isEqualTo("DROP_NOT_LIVE");
            assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 10, 0, 0));
        }
    }

    @Test
    void askingForMoreThanIsLeftIsSoldOut() {
        UUID dropId = drops.live(3, 5, null);
        api.reserve(dropId, "user-1", 2);

        Response response = api.reserve(dropId, "user-2", 2);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("SOLD_OUT");
        assertThat(response.text("detail")).isEqualTo("Only 1 left, 2 requested");
        assertThat(api.reserve(dropId, "user-2", 1).status()).isEqualTo(201);
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(3, 0, 3, 0));
    }

    @Test
    void askingForMoreThanTheLimitAtOnceIsRefused() {
        UUID dropId = drops.live(10, 2, null);

        Response response = api.reserve(dropId, "user-1", 3);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("PER_USER_LIMIT_EXCEEDED");
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 10, 0, 0));
    }

    @Test
    void aRefusedReservationLeavesNothingBehindAndItsIdCanBeRetried() {
        UUID dropId = drops.live(1, 1, null);
        String other = api.reserve(dropId, "user-1", 1).text("reservationId");
        UUID reservationId = UUID.randomUUID();
        Instant expiresAt = TestDrops.inAnHour();

        assertThat(api.reserve(reservationId, dropId, "user-2", 1, expiresAt).code())
                .isEqualTo("SOLD_OUT");
        assertThat(jdbc.sql("select count(*) from reservation where reservation_id = :id")
                        .param("id", reservationId)
                        .query(Long.class)
                        .single())
                .isZero();
        api.release(other);

        assertThat(api.reserve(reservationId, dropId, "user-2", 1, expiresAt).status())
                .isEqualTo(201);
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(1, 0, 1, 0));
    }

    @Test
    void dropStockShowsTheCurrentCounts() {
        UUID dropId = drops.live(10, 3, 2);
        String sold = api.reserve(dropId, "user-1", 2).text("reservationId");
        api.confirm(sold);
        api.reserve(dropId, "user-2", 3);

        Response response = api.drop(dropId);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("dropId")).isEqualTo(dropId.toString());
        assertThat(response.body().get("stock").asInt()).isEqualTo(10);
        assertThat(response.body().get("available").asInt()).isEqualTo(5);
        assertThat(response.body().get("reserved").asInt()).isEqualTo(3);
        assertThat(response.body().get("sold").asInt()).isEqualTo(2);
        assertThat(response.body().get("perUserLimit").asInt()).isEqualTo(3);
        assertThat(response.body().get("startsAt").asString()).endsWith("Z");
        assertThat(response.body().get("endsAt").asString()).endsWith("Z");
    }

    @Test
    void unknownDropStockIsDropNotFound() {
        assertThat(api.drop(UUID.randomUUID()).code()).isEqualTo("DROP_NOT_FOUND");
        assertThat(api.drop("nope").code()).isEqualTo("DROP_NOT_FOUND");
    }

    @Test
    void badReserveRequestsAreValidationFailed() {
        String valid = """
                {"reservationId":"%s","dropId":"%s","userId":"u","quantity":1,"expiresAt":"2030-01-01T00:00:00Z"}
                """.formatted(UUID.randomUUID(), UUID.randomUUID());
        String[] bad = {
            "{",
            valid.replace("\"quantity\":1", "\"quantity\":0"),
            valid.replace("\"quantity\":1", "\"quantity\":2000000"),
            valid.replace("\"quantity\":1", "\"quantity\":\"many\""),
            valid.replace("\"userId\":\"u\",", ""),
            valid.replace("\"userId\":\"u\"", "\"userId\":\"\""),
            valid.replaceFirst("\"reservationId\":\"[^\"]+\"", "\"reservationId\":\"not-a-uuid\""),
            valid.replace("2030-01-01T00:00:00Z", "tomorrow"),
            valid.replace(",\"expiresAt\":\"2030-01-01T00:00:00Z\"", ""),
        };
        for (String body : bad) {
            Response response = api.post("/internal/inventory/reservations", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.code()).as(body).isEqualTo("VALIDATION_FAILED");
        }
    }
}

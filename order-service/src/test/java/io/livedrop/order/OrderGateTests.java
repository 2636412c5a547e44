package io.livedrop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.admission.AdmissionTokens;
import io.livedrop.common.test.Reply;
import io.livedrop.order.support.InventoryStub;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an order must pass before it costs anything: the waiting room's admission token and the
 * sold-out gate. Neither touches PostgreSQL nor inventory when it says no.
 */
class OrderGateTests extends OrderIntegrationTest {

    @Autowired
    AdmissionTokens admissions;

    final InventoryStub inventory = InventoryStub.shared();

    @AfterEach
    void healInventory() {
        inventory.reset();
    }

    @Test
    void afterInventorySaysSoldOutTheNextOrdersAreRefusedWithoutARowOrAnInventoryCall() {
        String dropId = fixtures.liveDrop(1, 1, 100);
        api.placedOrder(fixtures.newUser(), dropId, 1);
        assertThat(api.placeOrder(fixtures.newUser(), "first-refusal", dropId, 1)
                        .code())
                .isEqualTo("SOLD_OUT");
        int reservesBefore = inventory.calls("reserve");
        String buyer = fixtures.newUser();

        Reply gated = api.placeOrder(buyer, "gated", dropId, 1);

        assertThat(gated.status()).isEqualTo(409);
        assertThat(gated.code()).isEqualTo("SOLD_OUT");
        assertThat(inventory.calls("reserve")).isEqualTo(reservesBefore);
        assertThat(rowsOf(buyer, "orders")).isZero();
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from idempotency_record where scope = :u")
                        .param("u", buyer)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void stockThatComesBackIsOnSaleAgainWithinASecond() {
        String dropId = fixtures.liveDrop(1, 1, 100);
        String first = api.placedOrder(fixtures.newUser(), dropId, 1);
        assertThat(api.placeOrder(fixtures.newUser(), "closing", dropId, 1).code())
                .isEqualTo("SOLD_OUT");
        inventory.expireHold(first); // the unpaid hold goes back on sale
        Instant returned = Instant.now();

        String buyer = fixtures.newUser();
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> api.placeOrder(buyer, "reopened", dropId, 1).status() == 201);

        assertThat(Duration.between(returned, Instant.now())).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aSmallerQuantityThanTheRefusedOneStillGoesToInventory() {
        String dropId = fixtures.liveDrop(1, 5, 100);
        assertThat(api.placeOrder(fixtures.newUser(), "two", dropId, 2).code()).isEqualTo("SOLD_OUT");

        assertThat(api.placeOrder(fixtures.newUser(), "one", dropId, 1).status())
                .isEqualTo(201);
    }

    @Test
    void aDropWithAWaitingRoomNeedsTheCallersOwnValidAdmissionToken() {
        String dropId = fixtures.liveDropWithWaitingRoom(5, 1, 100);
        String buyer = fixtures.newUser();
        Instant inTwoMinutes = Instant.now().plusSeconds(120);

        Reply missing = api.placeOrder(buyer, "no-token", dropId, 1);
        Reply foreign =
                api.placeOrder(buyer, "foreign", dropId, 1, admissions.issue(dropId, fixtures.newUser(), inTwoMinutes));
        Reply otherDrop = api.placeOrder(
                buyer, "other-drop", dropId, 1, admissions.issue(fixtures.liveDrop(1, 1, 1), buyer, inTwoMinutes));
        Reply expired = api.placeOrder(
                buyer,
                "expired",
                dropId,
                1,
                admissions.issue(dropId, buyer, Instant.now().minusSeconds(1)));
        Reply forged = api.placeOrder(buyer, "forged", dropId, 1, "v1." + dropId + "." + buyer + ".9999999999999.x");

        for (Reply refused : new Reply[] {missing, foreign, otherDrop, expired, forged}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("ADMISSION_REQUIRED");
        }
        assertThat(rowsOf(buyer, "orders")).isZero();
        assertThat(inventory.reservationsOf(dropId)).isZero();

        Reply admitted = api.placeOrder(buyer, "admitted", dropId, 1, admissions.issue(dropId, buyer, inTwoMinutes));
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
    }

    @Test
    void aDropWithoutAWaitingRoomIgnoresTheHeader() {
        String dropId = fixtures.liveDrop(5, 1, 100);

        assertThat(api.placeOrder(fixtures.newUser(), "plain", dropId, 1).status())
                .isEqualTo(201);
    }

    private long rowsOf(String userId, String table) {
        return fixtures.jdbc()
                .sql("select count(*) from " + table + " where user_id = :u")
                .param("u", userId)
                .query(Long.class)
                .single();
    }
}

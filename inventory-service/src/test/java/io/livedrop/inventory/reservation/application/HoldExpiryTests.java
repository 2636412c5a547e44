package io.livedrop.inventory.reservation.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.inventory.InventoryApi.Response;
import io.livedrop.inventory.InventoryIntegrationTest;
import io.livedrop.inventory.Race;
import io.livedrop.inventory.stock.domain.StockLevels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reaper returns unpaid holds after {@code expiresAt + grace}; racing confirms, releases and other
 * reapers, every hold ends in exactly one state and the stock adds up.
 */
class HoldExpiryTests extends InventoryIntegrationTest {

    @Autowired
    HoldExpiryService reaper;

    @Test
    void holdsPastExpiryAndGraceGoBackOnSale() {
        UUID dropId = drops.live(10, 2, null);
        Instant longAgo = Instant.now().minus(reservationProperties.holdGrace()).minusSeconds(60);
        String expired =
                api.reserve(UUID.randomUUID(), dropId, "user-1", 2, longAgo).text("reservationId");

        reaper.releaseExpiredHolds();

        assertThat(api.confirm(expired).code()).isEqualTo("RESERVATION_NOT_ACTIVE");
        Response again = api.release(expired);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("released");
        assertThat(jdbc.sql("select released_by from reservation where reservation_id = :id")
                        .param("id", UUID.fromString(expired))
                        .query(String.class)
                        .single())
                .isEqualTo("reaper");
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 10, 0, 0));
        assertThat(api.reserve(dropId, "user-1", 2).status())
                .as("allowance given back")
                .isEqualTo(201);
    }

    @Test
    void holdsWithinTheGracePeriodAreLeftToOrderService() {
        UUID dropId = drops.live(10, 2, null);
        Instant justExpired = Instant.now().minusSeconds(1);
        String id =
                api.reserve(UUID.randomUUID(), dropId, "user-1", 1, justExpired).text("reservationId");

        reaper.releaseExpiredHolds();

        assertThat(api.confirm(id).text("status")).isEqualTo("confirmed");
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 9, 0, 1));
    }

    @RepeatedTest(5)
    void expiryRacingConfirmEndsEveryHoldInExactlyOneState() throws Exception {
        UUID dropId = drops.live(100, 2, 20);
        Instant expired = Instant.now().minus(reservationProperties.holdGrace()).minusSeconds(60);
        List<String> holds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            holds.add(api.reserve(UUID.randomUUID(), dropId, "user-" + i, 1 + i % 2, expired)
                    .text("reservationId"));
        }

        // 40 confirms (order-service getting paid late) against three reapers (three instances)
        List<Object> outcomes =
                Race.run(43, i -> i < holds.size() ? api.confirm(holds.get(i)) : (Object) reaper.releaseExpiredHolds());

        Map<String, String> finalStatus = statusOf(holds);
        for (int i = 0; i < holds.size(); i++) {
            Response confirm = (Response) outcomes.get(i);
            String status = finalStatus.get(holds.get(i));
            if (confirm.status() == 200) {
                assertThat(status).isEqualTo("confirmed");
            } else {
                assertThat(confirm.code()).isEqualTo("RESERVATION_NOT_ACTIVE");
                assertThat(status).isEqualTo("released");
            }
        }
        int releasedByReapers = outcomes.subList(holds.size(), outcomes.size()).stream()
                .mapToInt(n -> (Integer) n)
                .sum();
        long released = finalStatus.values().stream().filter("released"::equals).count();
        assertThat(releasedByReapers).isLessThanOrEqualTo((int) released);
        assertThat(drops.countIn(dropId, "held")).isZero();
        StockLevels levels = drops.assertConsistent(dropId);
        assertThat(levels.reserved()).isZero();
        assertThat(levels.sold()).isEqualTo((int) drops.quantityIn(dropId, "confirmed"));
    }

    @RepeatedTest(5)
    void releaseRacingConfirmLetsExactlyOneWin() throws Exception {
        UUID dropId = drops.live(100, 1, null);
        List<String> holds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            holds.add(api.reserve(dropId, "user-" + i, 1).text("reservationId"));
        }

        List<Response> outcomes = Race.run(
                holds.size() * 2, i -> i % 2 == 0 ? api.confirm(holds.get(i / 2)) : api.release(holds.get(i / 2)));

        Map<String, String> finalStatus = statusOf(holds);
        for (int h = 0; h < holds.size(); h++) {
            Response confirm = outcomes.get(2 * h);
            Response release = outcomes.get(2 * h + 1);
            assertThat(List.of(confirm.status(), release.status())).containsExactlyInAnyOrder(200, 409);
            String winner = confirm.status() == 200 ? "confirmed" : "released";
            assertThat(finalStatus.get(holds.get(h))).isEqualTo(winner);
        }
        StockLevels levels = drops.assertConsistent(dropId);
        assertThat(levels.reserved()).isZero();
        assertThat(levels.sold() + levels.available()).isEqualTo(100);
    }

    private Map<String, String> statusOf(List<String> ids) {
        return jdbc
                .sql("select reservation_id::text as id, status from reservation where reservation_id::text in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getString("id"), rs.getString("status")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}

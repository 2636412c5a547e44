package io.livedrop.inventory.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.events.SoldOut;
import io.livedrop.common.events.StockLow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Announcements of several takes that one update made together: what single takes would have made. */
class StockAnnouncementsTests {

    private static final String DROP = "drop-1";

    @Test
    void aBatchThatCrossesTheThresholdAndSellsOutAnnouncesBothInOrder() {
        StockAnnouncements announced = StockAnnouncements.afterTakingInSteps(DROP, List.of(4, 2, 0), 3, false, false);

        assertThat(announced.events()).containsExactly(new StockLow(DROP, 2, 3), new SoldOut(DROP));
        assertThat(announced.lowStockSignalled()).isTrue();
        assertThat(announced.soldOutSignalled()).isTrue();
        assertThat(announced.changesFlags(false, false)).isTrue();
    }

    @Test
    void sellingOutStraightFromAboveTheThresholdAnnouncesOnlySoldOut() {
        StockAnnouncements announced = StockAnnouncements.afterTakingInSteps(DROP, List.of(0), 2, false, false);

        assertThat(announced.events()).containsExactly(new SoldOut(DROP));
    }

    @Test
    void takesThatStayAboveTheThresholdAnnounceNothingAndChangeNoFlag() {
        StockAnnouncements announced = StockAnnouncements.afterTakingInSteps(DROP, List.of(9, 8, 5), 5, false, false);

        assertThat(announced.events()).isEmpty();
        assertThat(announced.changesFlags(false, false)).isFalse();
    }

    @Test
    void whatWasAnnouncedBeforeIsNotAnnouncedAgain() {
        StockAnnouncements announced = StockAnnouncements.afterTakingInSteps(DROP, List.of(1, 0), 3, true, true);

        assertThat(announced.events()).isEmpty();
        assertThat(announced.changesFlags(true, true)).isFalse();
    }

    @Test
    void withoutAThresholdOnlySellingOutIsAnnounced() {
        StockAnnouncements announced = StockAnnouncements.afterTakingInSteps(DROP, List.of(1, 0), null, false, false);

        assertThat(announced.events()).containsExactly(new SoldOut(DROP));
    }
}

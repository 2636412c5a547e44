package io.livedrop.inventory.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StockSignalTests {

    @Test
    void fallingBelowTheThresholdAnnouncesLowOnce() {
        assertThat(StockSignal.afterTaking(4, 5, false, false)).isEqualTo(new StockSignal(false, true, true, false));
        assertThat(StockSignal.afterTaking(3, 5, true, false)).isEqualTo(new StockSignal(false, false, true, false));
    }

    @Test
    void stayingAtOrAboveTheThresholdAnnouncesNothing() {
        assertThat(StockSignal.afterTaking(5, 5, false, false)).isEqualTo(new StockSignal(false, false, false, false));
        assertThat(StockSignal.afterTaking(5, null, false, false))
                .isEqualTo(new StockSignal(false, false, false, false));
    }

    @Test
    void sellingOutAnnouncesSoldOutOnlyTheFirstTime() {
        assertThat(StockSignal.afterTaking(0, 5, false, false)).isEqualTo(new StockSignal(true, false, true, true));
        assertThat(StockSignal.afterTaking(0, 5, true, true)).isEqualTo(new StockSignal(false, false, true, true));
    }

    @Test
    void sellingOutAgainAfterStockCameBackAnnouncesNothing() {
        assertThat(StockSignal.afterTaking(0, 1, false, true)).isEqualTo(new StockSignal(false, false, true, true));
    }

    @Test
    void stockComingBackToTheThresholdArmsLowAgain() {
        assertThat(StockSignal.stillLow(4, 5, true)).isTrue();
        assertThat(StockSignal.stillLow(5, 5, true)).isFalse();
        assertThat(StockSignal.stillLow(1, null, true)).isFalse();
        assertThat(StockSignal.stillLow(1, 5, false)).isFalse();
    }
}

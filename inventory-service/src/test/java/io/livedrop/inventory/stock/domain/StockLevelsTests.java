package io.livedrop.inventory.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StockLevelsTests {

    @Test
    void restockingMovesAvailableByTheDifference() {
        var levels = new StockLevels(10, 5, 3, 2);

        assertThat(levels.restockedTo(20)).isEqualTo(new StockLevels(20, 15, 3, 2));
        assertThat(levels.restockedTo(6)).isEqualTo(new StockLevels(6, 1, 3, 2));
        assertThat(levels.restockedTo(6).isClampedFrom(6)).isFalse();
    }

    @Test
    void aDecreaseBelowWhatIsHeldOrSoldStopsThere() {
        var levels = new StockLevels(10, 5, 3, 2);

        StockLevels restocked = levels.restockedTo(1);

        assertThat(restocked).isEqualTo(new StockLevels(5, 0, 3, 2));
        assertThat(restocked.isClampedFrom(1)).isTrue();
    }

    @Test
    void countsThatDoNotAddUpAreRejected() {
        assertThatThrownBy(() -> new StockLevels(10, 5, 3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockLevels(0, -1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewDropHasItsWholeStockAvailable() {
        assertThat(StockLevels.initial(7)).isEqualTo(new StockLevels(7, 7, 0, 0));
        assertThat(StockLevels.initial(7).committed()).isZero();
    }

    @Test
    void availableIsStockLessWhatIsHeldAndSold() {
        var levels = new StockLevels(10, 4, 3, 3);

        assertThat(levels.available()).isEqualTo(levels.stock() - levels.reserved() - levels.sold());
        assertThat(levels.committed()).isEqualTo(6);
    }

    @Test
    void noCountMayGoBelowZero() {
        assertThatThrownBy(() -> new StockLevels(2, 3, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockLevels(2, 3, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void restockingASoldOutDropPutsOnlyTheDifferenceOnSale() {
        var soldOut = new StockLevels(5, 0, 2, 3);

        assertThat(soldOut.restockedTo(8)).isEqualTo(new StockLevels(8, 3, 2, 3));
        assertThat(soldOut.restockedTo(5)).isEqualTo(soldOut);
    }
}

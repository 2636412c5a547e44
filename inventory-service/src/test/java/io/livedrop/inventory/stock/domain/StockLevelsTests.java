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
}

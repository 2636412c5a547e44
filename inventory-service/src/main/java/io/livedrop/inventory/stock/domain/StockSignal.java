package io.livedrop.inventory.stock.domain;

/**
 * Which of {@code stock.low} and {@code sold_out} a change of {@code available} announces, and the
 * flags that remember it.
 *
 * <ul>
 *   <li>{@code sold_out} once per drop: the first time {@code available} reaches 0. Stock that comes
 *       back later (expired or released holds, returns) is announced by {@code stock.changed}; a
 *       second sell-out is not announced again.
 *   <li>{@code stock.low} once per crossing: when {@code available} falls below the threshold while
 *       some stock is left. Climbing back to the threshold or above re-arms it. Selling out straight
 *       from above the threshold announces only {@code sold_out} ("0 left" is not "low").
 * </ul>
 */
public record StockSignal(
        boolean announceSoldOut, boolean announceLow, boolean lowStockSignalled, boolean soldOutSignalled) {

    /** After stock was taken (a reservation). */
    public static StockSignal afterTaking(
            int available, Integer lowStockThreshold, boolean lowStockSignalled, boolean soldOutSignalled) {
        if (available == 0) {
            return new StockSignal(!soldOutSignalled, false, true, true);
        }
        boolean low = isLow(available, lowStockThreshold);
        return new StockSignal(false, low && !lowStockSignalled, lowStockSignalled || low, soldOutSignalled);
    }

    /** Whether the low-stock flag stays set after stock came back to {@code available}. */
    public static boolean stillLow(int available, Integer lowStockThreshold, boolean lowStockSignalled) {
        return lowStockSignalled && (available == 0 || isLow(available, lowStockThreshold));
    }

    public boolean changesFlags(boolean lowBefore, boolean soldOutBefore) {
        return lowStockSignalled != lowBefore || soldOutSignalled != soldOutBefore;
    }

    private static boolean isLow(int available, Integer lowStockThreshold) {
        return lowStockThreshold != null && available < lowStockThreshold;
    }
}

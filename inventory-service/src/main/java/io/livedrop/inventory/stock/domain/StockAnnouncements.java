package io.livedrop.inventory.stock.domain;

import io.livedrop.common.events.SoldOut;
import io.livedrop.common.events.StockLow;
import java.util.ArrayList;
import java.util.List;

/**
 * What one or several takes of a drop announce ({@link SoldOut}, {@link StockLow}, in order) and the
 * flags that remember it afterwards. Several reserves that one update took together announce what
 * they would have announced one by one (rules in {@link StockSignal}), so a batch that crosses the
 * threshold and sells out announces both, like single reserves do.
 */
public record StockAnnouncements(List<Object> events, boolean lowStockSignalled, boolean soldOutSignalled) {

    /**
     * @param availableAfterEach {@code available} after each take, in their order (the last is the row
     *     as the update left it)
     * @param lowStockSignalled the flag as it was before the first take
     * @param soldOutSignalled the flag as it was before the first take
     */
    public static StockAnnouncements afterTakingInSteps(
            String dropId,
            List<Integer> availableAfterEach,
            Integer lowStockThreshold,
            boolean lowStockSignalled,
            boolean soldOutSignalled) {
        boolean low = lowStockSignalled;
        boolean soldOut = soldOutSignalled;
        List<Object> announcements = new ArrayList<>();
        for (int available : availableAfterEach) {
            StockSignal signal = StockSignal.afterTaking(available, lowStockThreshold, low, soldOut);
            if (signal.announceSoldOut()) {
                announcements.add(new SoldOut(dropId));
            }
            if (signal.announceLow()) {
                announcements.add(new StockLow(dropId, available, lowStockThreshold));
            }
            low = signal.lowStockSignalled();
            soldOut = signal.soldOutSignalled();
        }
        return new StockAnnouncements(List.copyOf(announcements), low, soldOut);
    }

    /** Whether the flags differ from before the takes (only then is there anything to write). */
    public boolean changesFlags(boolean lowBefore, boolean soldOutBefore) {
        return lowStockSignalled != lowBefore || soldOutSignalled != soldOutBefore;
    }
}

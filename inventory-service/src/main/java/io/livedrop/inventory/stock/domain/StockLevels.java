package io.livedrop.inventory.stock.domain;

/**
 * The four counts of a drop; {@code available + reserved + sold = stock} always holds (the database
 * checks it too).
 */
public record StockLevels(int stock, int available, int reserved, int sold) {

    public StockLevels {
        if (available < 0 || reserved < 0 || sold < 0 || available + reserved + sold != stock) {
            throw new IllegalArgumentException(
                    "inconsistent stock levels " + stock + "/" + available + "/" + reserved + "/" + sold);
        }
    }

    public static StockLevels initial(int stock) {
        return new StockLevels(stock, stock, 0, 0);
    }

    /** Units already promised to buyers: held or sold. */
    public int committed() {
        return reserved + sold;
    }

    /**
     * The levels after the creator changed the drop's stock to {@code requested}. Holds and sales are
     * never taken back: the change moves {@code available} by the difference, and a decrease below
     * what is already held or sold stops at that amount ({@link #isClampedFrom}).
     */
    public StockLevels restockedTo(int requested) {
        int stock = Math.max(requested, committed());
        return new StockLevels(stock, stock - committed(), reserved, sold);
    }

    public boolean isClampedFrom(int requested) {
        return stock != requested;
    }
}

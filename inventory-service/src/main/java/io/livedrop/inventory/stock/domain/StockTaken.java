package io.livedrop.inventory.stock.domain;

/** What is left after a take, with the announcement state the caller decides on. */
public record StockTaken(
        int available, Integer lowStockThreshold, boolean lowStockSignalled, boolean soldOutSignalled) {}

package io.livedrop.inventory.stock.domain;

/** Whether a drop is on sale right now (inside its window, not ended) and how much is left. */
public record SaleState(boolean live, int available) {}

package io.livedrop.inventory.stock.domain;

/**
 * Whether a drop is on sale right now (inside its window, not ended), how much is left and how much
 * one user may hold or buy.
 */
public record SaleState(boolean live, int available, int perUserLimit) {}

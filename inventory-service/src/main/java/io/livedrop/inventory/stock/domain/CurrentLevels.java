package io.livedrop.inventory.stock.domain;

import java.util.UUID;

/** The counts of one drop as they are now. */
public record CurrentLevels(UUID dropId, StockLevels levels) {}

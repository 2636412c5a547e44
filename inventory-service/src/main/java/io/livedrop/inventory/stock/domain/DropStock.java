package io.livedrop.inventory.stock.domain;

import java.time.Instant;
import java.util.UUID;

/** The stock of one drop, its sale window and limits, as inventory knows them. */
public record DropStock(
        UUID dropId,
        StockLevels levels,
        Instant startsAt,
        Instant endsAt,
        Instant endedAt,
        int perUserLimit,
        Integer lowStockThreshold,
        boolean lowStockSignalled,
        boolean soldOutSignalled,
        Instant scheduledAt) {}

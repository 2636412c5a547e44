package io.livedrop.inventory.stock.web;

import io.livedrop.inventory.stock.domain.DropStock;
import java.time.Instant;
import java.util.UUID;

/** {@code GET /internal/inventory/drops/{dropId}} (INTERNAL-API.md). */
record DropStockResponse(
        UUID dropId,
        int stock,
        int available,
        int reserved,
        int sold,
        Instant startsAt,
        Instant endsAt,
        int perUserLimit) {

    static DropStockResponse of(DropStock drop) {
        var levels = drop.levels();
        return new DropStockResponse(
                drop.dropId(),
                levels.stock(),
                levels.available(),
                levels.reserved(),
                levels.sold(),
                drop.startsAt(),
                drop.endsAt(),
                drop.perUserLimit());
    }
}

package io.livedrop.catalog.drop.web;

import static io.livedrop.catalog.drop.web.CreateDropRequest.MAX_STOCK;

import io.livedrop.catalog.drop.domain.DropPlan;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;

/** Body of {@code PATCH /api/drops/{id}}: absent (or null) fields stay unchanged. */
public record UpdateDropRequest(
        Instant startsAt,
        Instant endsAt,
        @Min(1) @Max(MAX_STOCK) Integer initialStock,
        @Min(0) @Max(MAX_STOCK) Integer lowStockThreshold,
        @Min(1) @Max(MAX_STOCK) Integer perUserLimit,
        Boolean waitingRoom) {

    DropPlan toPlan() {
        return new DropPlan(null, startsAt, endsAt, initialStock, lowStockThreshold, perUserLimit, waitingRoom);
    }
}

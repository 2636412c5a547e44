package io.livedrop.catalog.drop.web;

import io.livedrop.catalog.drop.domain.DropPlan;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** Body of {@code POST /api/drops}; rules across fields are in {@code DropTerms}. */
public record CreateDropRequest(
        @NotNull String productId,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @NotNull @Min(1) @Max(MAX_STOCK) Integer initialStock,
        @Min(0) @Max(MAX_STOCK) Integer lowStockThreshold,
        @Min(1) @Max(MAX_STOCK) Integer perUserLimit,
        Boolean waitingRoom) {

    static final int MAX_STOCK = 1_000_000;

    DropPlan toPlan() {
        return new DropPlan(productId, startsAt, endsAt, initialStock, lowStockThreshold, perUserLimit, waitingRoom);
    }
}

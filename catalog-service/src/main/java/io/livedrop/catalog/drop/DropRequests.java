package io.livedrop.catalog.drop;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** Bodies of the drop endpoints; rules across fields are in {@link DropTerms}. */
final class DropRequests {

    static final int MAX_STOCK = 1_000_000;

    private DropRequests() {}

    record CreateDrop(
            @NotNull String productId,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @NotNull @Min(1) @Max(MAX_STOCK) Integer initialStock,
            @Min(0) @Max(MAX_STOCK) Integer lowStockThreshold,
            @Min(1) @Max(MAX_STOCK) Integer perUserLimit,
            Boolean waitingRoom) {}

    /** Absent (or null) fields stay unchanged. */
    record UpdateDrop(
            Instant startsAt,
            Instant endsAt,
            @Min(1) @Max(MAX_STOCK) Integer initialStock,
            @Min(0) @Max(MAX_STOCK) Integer lowStockThreshold,
            @Min(1) @Max(MAX_STOCK) Integer perUserLimit,
            Boolean waitingRoom) {}
}

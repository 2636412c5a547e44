package io.livedrop.catalog.drop.domain;

import java.time.Instant;

/** A drop as the API shows it, with summaries of its product and creator. */
public record DropView(
        String id,
        String productId,
        String creatorId,
        Instant startsAt,
        Instant endsAt,
        int initialStock,
        int available,
        int lowStockThreshold,
        int perUserLimit,
        String status,
        boolean soldOut,
        ProductSummary product,
        CreatorSummary creator,
        WaitingRoom waitingRoom,
        Instant createdAt) {

    /** The product as this drop sells it: {@code priceCents} is what a buyer pays in this drop. */
    public record ProductSummary(String id, String title, long priceCents, String currency, String imageUrl) {}

    public record CreatorSummary(String id, String handle, String displayName) {}

    /**
     * Always present, so clients need no null check: {@code {enabled: false, opensAt: null}} for a
     * drop without a room; {@code opensAt} is when joining the line becomes possible.
     */
    public record WaitingRoom(boolean enabled, Instant opensAt) {

        static WaitingRoom of(boolean enabled, Instant startsAt, java.time.Duration opensBefore) {
            return new WaitingRoom(enabled, enabled ? startsAt.minus(opensBefore) : null);
        }
    }
}

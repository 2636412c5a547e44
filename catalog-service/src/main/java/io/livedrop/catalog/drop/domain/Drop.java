package io.livedrop.catalog.drop.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A drop as stored, joined with the product and creator fields its view shows. */
public record Drop(
        UUID id,
        UUID productId,
        UUID creatorId,
        Instant startsAt,
        Instant endsAt,
        int initialStock,
        int available,
        int lowStockThreshold,
        int perUserLimit,
        long unitPriceCents,
        String currency,
        boolean waitingRoom,
        Instant startedFiredAt,
        Instant createdAt,
        String productTitle,
        String productImageUrl,
        String creatorHandle,
        String creatorDisplayName) {

    public DropStatus statusAt(Instant now) {
        return DropStatus.at(now, startsAt, endsAt);
    }

    /** Schedule, stock and limits can change only before the drop starts (and before drop.started fired). */
    public boolean editableAt(Instant now) {
        return startedFiredAt == null && now.isBefore(startsAt);
    }

    public DropView view(Instant now, Duration roomOpensBefore) {
        return new DropView(
                id.toString(),
                productId.toString(),
                creatorId.toString(),
                startsAt,
                endsAt,
                initialStock,
                available,
                lowStockThreshold,
                perUserLimit,
                statusAt(now).json(),
                available == 0,
                new DropView.ProductSummary(
                        productId.toString(), productTitle, unitPriceCents, currency, productImageUrl),
                new DropView.CreatorSummary(creatorId.toString(), creatorHandle, creatorDisplayName),
                DropView.WaitingRoom.of(waitingRoom, startsAt, roomOpensBefore),
                createdAt);
    }
}

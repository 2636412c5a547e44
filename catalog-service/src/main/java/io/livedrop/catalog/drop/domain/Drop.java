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

    /**
     * The terms after an edit at {@code now} (whether the drop may still change is {@link
     * #editableAt}): an absent field keeps its value, except that an untouched low-stock threshold
     * follows a smaller stock (back to its default) instead of failing the edit.
     */
    public DropTerms rescheduled(Instant now, DropPlan plan) {
        int stock = plan.initialStock() != null ? plan.initialStock() : initialStock;
        int threshold = plan.lowStockThreshold() != null
                ? plan.lowStockThreshold()
                : lowStockThreshold < stock ? lowStockThreshold : DropTerms.defaultLowStockThreshold(stock);
        return DropTerms.validated(
                now,
                plan.startsAt() != null ? plan.startsAt() : startsAt,
                plan.endsAt() != null ? plan.endsAt() : endsAt,
                stock,
                threshold,
                plan.perUserLimit() != null ? plan.perUserLimit() : perUserLimit);
    }

    /** Whether the drop has a waiting room after an edit: an absent field keeps it as it is. */
    public boolean waitingRoomAfter(DropPlan plan) {
        return plan.waitingRoom() != null ? plan.waitingRoom() : waitingRoom;
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

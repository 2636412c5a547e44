package io.livedrop.common.events;

import java.time.Instant;

/**
 * A drop was created or rescheduled (also carries stock changes made while upcoming). {@code
 * waitingRoom}: orders need an admission token (absent in events written before the room existed:
 * false). Key: dropId.
 */
public record DropScheduled(
        String dropId,
        String productId,
        String creatorId,
        Instant startsAt,
        Instant endsAt,
        int initialStock,
        Integer lowStockThreshold,
        int perUserLimit,
        long unitPriceCents,
        String currency,
        String title,
        boolean waitingRoom) {

    public static final String TOPIC = Topics.DROP_SCHEDULED;
}

package io.livedrop.common.events;

import java.time.Instant;

/** A drop was created or rescheduled (also carries stock changes made while upcoming). Key: dropId. */
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
        String title) {

    public static final String TOPIC = Topics.DROP_SCHEDULED;
}

package io.livedrop.catalog.drop.domain;

import java.time.Instant;

/**
 * What a creator asks for when scheduling or rescheduling a drop, as the request gave it: a null
 * field takes its default (new drop) or stays unchanged (edit); {@code productId} is only given for a
 * new drop. Rules across fields are checked by {@link DropTerms}.
 */
public record DropPlan(
        String productId,
        Instant startsAt,
        Instant endsAt,
        Integer initialStock,
        Integer lowStockThreshold,
        Integer perUserLimit,
        Boolean waitingRoom) {}

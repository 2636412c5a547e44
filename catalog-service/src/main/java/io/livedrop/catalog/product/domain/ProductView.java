package io.livedrop.catalog.product.domain;

import java.time.Instant;

/** A product as the API shows it. */
public record ProductView(
        String id,
        String creatorId,
        String title,
        String description,
        long priceCents,
        String currency,
        String imageUrl,
        Instant createdAt) {}

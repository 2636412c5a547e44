package io.livedrop.catalog.drop.domain;

import java.time.Instant;
import java.util.UUID;

/** Drops as the repository would return them, for the unit tests of the drop rules. */
final class DropFixtures {

    private DropFixtures() {}

    static Drop drop(
            Instant startsAt,
            Instant endsAt,
            int initialStock,
            int lowStockThreshold,
            int perUserLimit,
            Instant startedFiredAt) {
        return new Drop(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                startsAt,
                endsAt,
                initialStock,
                initialStock,
                lowStockThreshold,
                perUserLimit,
                2500,
                "EUR",
                false,
                startedFiredAt,
                startsAt.minusSeconds(3600),
                "Title",
                null,
                "handle",
                "Creator");
    }
}

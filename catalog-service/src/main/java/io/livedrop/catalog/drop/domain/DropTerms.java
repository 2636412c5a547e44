package io.livedrop.catalog.drop.domain;

import io.livedrop.catalog.browse.domain.Validation;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The window, stock and limits of a drop, validated together.
 *
 * <p>Decisions: a drop lasts at most {@link #MAX_DURATION} (this also bounds the "live" browse scan)
 * and starts within {@link #MAX_LEAD_TIME}; {@code lowStockThreshold} defaults to 10 % of the stock
 * and must stay below it; {@code perUserLimit} defaults to 1 and cannot exceed the stock.
 */
public record DropTerms(Instant startsAt, Instant endsAt, int initialStock, int lowStockThreshold, int perUserLimit) {

    public static final Duration MAX_DURATION = Duration.ofDays(30);
    static final Duration MAX_LEAD_TIME = Duration.ofDays(365);
    static final int DEFAULT_PER_USER_LIMIT = 1;

    static int defaultLowStockThreshold(int initialStock) {
        return initialStock / 10;
    }

    /** The terms of a new drop at {@code now}: an absent threshold or per-user limit takes its default. */
    public static DropTerms forNewDrop(Instant now, DropPlan plan) {
        int stock = plan.initialStock();
        return validated(
                now,
                plan.startsAt(),
                plan.endsAt(),
                stock,
                plan.lowStockThreshold() != null ? plan.lowStockThreshold() : defaultLowStockThreshold(stock),
                plan.perUserLimit() != null ? plan.perUserLimit() : DEFAULT_PER_USER_LIMIT);
    }

    /** Validates the terms at {@code now}: one 400 listing every broken rule. */
    public static DropTerms validated(
            Instant now, Instant startsAt, Instant endsAt, int initialStock, int lowStockThreshold, int perUserLimit) {
        new Validation()
                .check(startsAt.isBefore(endsAt), "endsAt", "must be after startsAt")
                .check(endsAt.isAfter(now), "endsAt", "must be in the future")
                .check(
                        !startsAt.isBefore(endsAt)
                                || Duration.between(startsAt, endsAt).compareTo(MAX_DURATION) <= 0,
                        "endsAt",
                        "a drop lasts at most " + MAX_DURATION.toDays() + " days")
                .check(
                        !startsAt.isAfter(now.plus(MAX_LEAD_TIME)),
                        "startsAt",
                        "must be within " + MAX_LEAD_TIME.toDays() + " days")
                .check(
                        lowStockThreshold >= 0 && lowStockThreshold < initialStock,
                        "lowStockThreshold",
                        "must be at least 0 and below initialStock")
                .check(perUserLimit >= 1 && perUserLimit <= initialStock, "perUserLimit", "must be 1 to initialStock")
                .throwIfInvalid();
        return new DropTerms(
                startsAt.truncatedTo(ChronoUnit.MICROS),
                endsAt.truncatedTo(ChronoUnit.MICROS),
                initialStock,
                lowStockThreshold,
                perUserLimit);
    }
}

package io.livedrop.notification.drop.domain;

import java.time.Instant;

/** What a broadcast needs to know about a drop, from drop.scheduled and drop.started. */
public record DropSummary(
        String dropId, String creatorId, String productId, String title, Instant startsAt, Instant endsAt) {}

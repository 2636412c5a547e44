package io.livedrop.common.events;

import java.time.Instant;

/** A drop went live (fired once by the catalog lifecycle scheduler). Key: dropId. */
public record DropStarted(
        String dropId,
        String productId,
        String creatorId,
        String title,
        Instant startsAt,
        Instant endsAt,
        int available) {

    public static final String TOPIC = Topics.DROP_STARTED;
}

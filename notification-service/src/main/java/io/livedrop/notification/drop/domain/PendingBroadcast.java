package io.livedrop.notification.drop.domain;

import java.time.Instant;
import java.util.UUID;

/** A stock.low / sold_out parked until its drop's summary arrives ({@code available} is 0 for sold_out). */
public record PendingBroadcast(UUID eventId, String dropId, String type, Instant eventTime, int available) {}

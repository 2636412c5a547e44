package io.livedrop.catalog.room.domain;

/** The {@code status} values of a ticket (API.md). */
public final class TicketStatus {

    public static final String WAITING = "waiting";
    public static final String ADMITTED = "admitted";
    public static final String EXPIRED = "expired";
    public static final String SOLD_OUT = "sold_out";

    private TicketStatus() {}
}

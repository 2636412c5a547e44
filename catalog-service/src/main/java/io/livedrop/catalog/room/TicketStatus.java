package io.livedrop.catalog.room;

/** The {@code status} values of a ticket (API.md). */
final class TicketStatus {

    static final String WAITING = "waiting";
    static final String ADMITTED = "admitted";
    static final String EXPIRED = "expired";
    static final String SOLD_OUT = "sold_out";

    private TicketStatus() {}
}

package io.livedrop.common.events;

/** The stock of a drop after recent reservations (coalesced: a few per second at most). Key: dropId. */
public record StockChanged(String dropId, int available, int reserved, int sold) {

    public static final String TOPIC = Topics.STOCK_CHANGED;
}

package io.livedrop.common.events;

/** Available stock crossed the drop's low-stock threshold (once per crossing). Key: dropId. */
public record StockLow(String dropId, int available, int threshold) {

    public static final String TOPIC = Topics.STOCK_LOW;
}

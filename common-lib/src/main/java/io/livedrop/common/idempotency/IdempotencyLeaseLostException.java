package io.livedrop.common.idempotency;

/**
 * The attempt no longer owns its key (its lease expired and another attempt took over, or the record
 * was completed or released meanwhile). The transaction that tried to complete it must roll back.
 */
public class IdempotencyLeaseLostException extends RuntimeException {

    public IdempotencyLeaseLostException() {
        super("idempotency lease lost", null, false, false);
    }
}

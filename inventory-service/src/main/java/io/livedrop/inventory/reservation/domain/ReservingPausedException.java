package io.livedrop.inventory.reservation.domain;

/**
 * A reserve that got no answer. Either nothing was written (the instance is shutting down, or the
 * reserve was withdrawn from its queue): {@code 503 SERVICE_UNAVAILABLE}; or its batch is running and
 * may still commit the hold ({@code mayHaveWritten}): {@code 503 OUTCOME_PENDING}, so the caller keeps
 * the order and retries with the same reservation id instead of treating it as never held. Both carry
 * {@code Retry-After}.
 */
public class ReservingPausedException extends RuntimeException {

    private final boolean mayHaveWritten;

    public ReservingPausedException(String message) {
        this(message, false);
    }

    public ReservingPausedException(String message, boolean mayHaveWritten) {
        super(message, null, false, false);
        this.mayHaveWritten = mayHaveWritten;
    }

    public boolean mayHaveWritten() {
        return mayHaveWritten;
    }
}

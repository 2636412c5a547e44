package io.livedrop.inventory.reservation.domain;

/**
 * A reserve that got no answer: the instance is shutting down (nothing was written), or the batch it
 * waited for did not finish in time (it may still commit). Either way the caller retries with the same
 * reservation id — on this or another instance — and gets the hold if one was taken: answered {@code
 * 503 SERVICE_UNAVAILABLE} with {@code Retry-After}.
 */
public class ReservingPausedException extends RuntimeException {

    public ReservingPausedException(String message) {
        super(message, null, false, false);
    }
}

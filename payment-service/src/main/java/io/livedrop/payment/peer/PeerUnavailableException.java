package io.livedrop.payment.peer;

/**
 * The peer did not give a usable answer: down, too slow, failing (5xx) or its circuit is open.
 *
 * @see #mayHaveArrived()
 */
public class PeerUnavailableException extends RuntimeException {

    private final boolean mayHaveArrived;

    public PeerUnavailableException(String message, boolean mayHaveArrived, Throwable cause) {
        super(message, cause);
        this.mayHaveArrived = mayHaveArrived;
    }

    /**
     * Whether the peer may have received and acted on the request (a read timeout or a 5xx), as opposed
     * to certainly not (connection refused, connect timeout, open circuit).
     */
    public boolean mayHaveArrived() {
        return mayHaveArrived;
    }
}

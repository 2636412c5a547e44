package io.livedrop.common.peer;

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
     * Whether the peer may have received and acted on the request (a read timeout, a 500), as opposed to
     * certainly not (connection refused, connect timeout, open circuit, a 503 which our services send
     * only when they wrote nothing).
     */
    public boolean mayHaveArrived() {
        return mayHaveArrived;
    }
}

package io.livedrop.common.client;

/**
 * No service token could be had from auth-service in time (slow, down, or refusing our credential), so
 * an internal call was not sent. {@link io.livedrop.common.peer.PeerCalls} reports it as a peer outage
 * that certainly did not arrive; endpoints answer it like any unavailable peer (503).
 */
public class ServiceTokenUnavailableException extends RuntimeException {

    public ServiceTokenUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

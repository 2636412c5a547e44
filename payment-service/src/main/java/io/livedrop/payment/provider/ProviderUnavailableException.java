package io.livedrop.payment.provider;

/** The provider did not answer (timeout), is failing, or is shed by the circuit breaker or bulkhead. */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

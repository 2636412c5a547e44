package io.livedrop.payment.provider.domain;

/**
 * The provider did not answer (timeout), is failing, or is shed by the circuit breaker or bulkhead.
 *
 * @see #outcomeUnknown()
 */
public class ProviderUnavailableException extends RuntimeException {

    private final boolean outcomeUnknown;

    /** The request may have reached the provider (it did not answer in time, or failed while working). */
    public ProviderUnavailableException(String message, Throwable cause) {
        this(message, true, cause);
    }

    public ProviderUnavailableException(String message, boolean outcomeUnknown, Throwable cause) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    /** The request was refused before it was sent (open circuit, full bulkhead): nothing happened. */
    public static ProviderUnavailableException notSent(String message, Throwable cause) {
        return new ProviderUnavailableException(message, false, cause);
    }

    /**
     * Whether the provider may have acted on the request: for a charge, it may be (or still become)
     * captured, so the payment cannot be declared failed until the provider's record says so.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}

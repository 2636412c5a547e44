package io.livedrop.payment.provider.domain;

import java.util.Optional;

/**
 * A card payment provider. Every operation is idempotent by the idempotency key of the charge (our
 * payment id): asking twice never charges twice, and refunding twice refunds once. A provider that does
 * not answer in time, or cannot be reached, throws {@link ProviderUnavailableException}.
 */
public interface PaymentProvider {

    ChargeResult charge(Charge charge);

    /** The outcome of an earlier charge with this key, if the provider has one. */
    Optional<ChargeResult> findCharge(String idempotencyKey);

    /** Refunds the captured charge with this key. */
    void refund(String idempotencyKey);

    /** @param token the card token from the client (e.g. {@code tok_visa}) */
    record Charge(String idempotencyKey, long amountCents, String currency, String token) {}

    /** @param declineCode why a charge was declined ({@code card_declined}, ...), null when captured */
    record ChargeResult(boolean captured, String declineCode) {

        public static ChargeResult capturedCharge() {
            return new ChargeResult(true, null);
        }

        public static ChargeResult declined(String code) {
            return new ChargeResult(false, code);
        }
    }
}

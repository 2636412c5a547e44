package io.livedrop.payment.provider.client;

import io.livedrop.payment.provider.domain.PaymentProvider;
import io.livedrop.payment.provider.domain.ProviderUnavailableException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The built-in card provider of API.md, for development and tests. Test tokens: {@code tok_visa}
 * captures; {@code tok_chargeDeclined} declines with {@code card_declined}; {@code
 * tok_insufficientFunds} with {@code insufficient_funds}; {@code tok_timeout} never answers (it hangs
 * until the caller gives up, and charges nothing); {@code tok_timeout_then_capture} never answers either
 * but captures the charge a little later on its side (as a real provider may after its caller gave
 * up). Any other token is declined as {@code card_declined}.
 *
 * <p>Like a real provider it remembers each charge by its idempotency key ({@code simulated_charge}):
 * the first call decides, every later call with the key returns that outcome without charging again.
 */
public class SimulatedCardProvider implements PaymentProvider {

    public static final String VISA = "tok_visa";
    public static final String DECLINED = "tok_chargeDeclined";
    public static final String INSUFFICIENT_FUNDS = "tok_insufficientFunds";
    public static final String TIMEOUT = "tok_timeout";
    public static final String TIMEOUT_THEN_CAPTURE = "tok_timeout_then_capture";

    private static final Logger log = LoggerFactory.getLogger(SimulatedCardProvider.class);

    private final JdbcClient jdbc;
    private final Duration hang;
    private final Duration lateCapture;
    private final Duration refundDelay;

    /**
     * @param hang how long {@code tok_timeout} keeps the caller waiting before failing
     * @param lateCapture how long after the request {@code tok_timeout_then_capture} captures
     * @param refundDelay how long a refund takes (before the provider's side records it)
     */
    public SimulatedCardProvider(JdbcClient jdbc, Duration hang, Duration lateCapture, Duration refundDelay) {
        this.jdbc = jdbc;
        this.hang = hang;
        this.lateCapture = lateCapture;
        this.refundDelay = refundDelay;
    }

    @Override
    public ChargeResult charge(Charge charge) {
        Optional<ChargeResult> earlier = findCharge(charge.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (TIMEOUT.equals(charge.token())) {
            hangUp();
        }
        if (TIMEOUT_THEN_CAPTURE.equals(charge.token())) {
            // the provider's side keeps working after its caller gave up
            Thread.ofVirtual().name("simulated-late-capture").start(() -> captureLate(charge));
            hangUp();
        }
        ChargeResult decided = switch (charge.token()) {
            case VISA -> ChargeResult.capturedCharge();
            case INSUFFICIENT_FUNDS -> ChargeResult.declined("insufficient_funds");
            default -> ChargeResult.declined("card_declined");
        };
        record(charge, decided);
        return findCharge(charge.idempotencyKey()).orElseThrow();
    }

    private void captureLate(Charge charge) {
        try {
            Thread.sleep(lateCapture);
            record(charge, ChargeResult.capturedCharge());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Simulated late capture of {} failed: {}", charge.idempotencyKey(), e.getMessage());
        }
    }

    /** The key decides once: a concurrent duplicate finds the row and gets the same outcome. */
    private void record(Charge charge, ChargeResult decided) {
        jdbc.sql("""
                insert into simulated_charge (idempotency_key, token, amount_cents, currency, outcome, decline_code)
                values (:key, :token, :amount, :currency, :outcome, :declineCode)
                on conflict (idempotency_key) do nothing
                """)
                .param("key", charge.idempotencyKey())
                .param("token", charge.token())
                .param("amount", charge.amountCents())
                .param("currency", charge.currency())
                .param("outcome", decided.captured() ? "captured" : "declined")
                .param("declineCode", decided.declineCode())
                .update();
    }

    @Override
    public Optional<ChargeResult> findCharge(String idempotencyKey) {
        return jdbc.sql("select outcome, decline_code from simulated_charge where idempotency_key = :key")
                .param("key", idempotencyKey)
                .query((rs, n) ->
                        new ChargeResult("captured".equals(rs.getString("outcome")), rs.getString("decline_code")))
                .optional();
    }

    @Override
    public void refund(String idempotencyKey) {
        if (refundDelay.isPositive()) {
            try {
                Thread.sleep(refundDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderUnavailableException("the refund was abandoned", e);
            }
        }
        int found = jdbc.sql("""
                        update simulated_charge set refunded_at = coalesce(refunded_at, now())
                        where idempotency_key = :key and outcome = 'captured'
                        """).param("key", idempotencyKey).update();
        if (found == 0) {
            throw new IllegalStateException("no captured charge " + idempotencyKey + " to refund");
        }
    }

    private void hangUp() {
        try {
            Thread.sleep(hang);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ProviderUnavailableException("the provider did not answer", null);
    }
}

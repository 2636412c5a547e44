package io.livedrop.payment.billing.domain;

import static io.livedrop.payment.billing.domain.PaymentStatus.FAILED;
import static io.livedrop.payment.billing.domain.PaymentStatus.PROCESSING;
import static io.livedrop.payment.billing.domain.PaymentStatus.REFUNDED;
import static io.livedrop.payment.billing.domain.PaymentStatus.REFUNDING;
import static io.livedrop.payment.billing.domain.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The payment state machine as plain rules: every allowed and every refused status change. */
class PaymentStateMachineTests {

    private static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED = Map.of(
            PROCESSING, EnumSet.of(SUCCEEDED, FAILED),
            SUCCEEDED, EnumSet.of(REFUNDING),
            REFUNDING, EnumSet.of(REFUNDED),
            FAILED, EnumSet.noneOf(PaymentStatus.class),
            REFUNDED, EnumSet.noneOf(PaymentStatus.class));

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void fromEachStatusExactlyTheAllowedChangesAreAccepted(PaymentStatus from) {
        Set<PaymentStatus> accepted = EnumSet.noneOf(PaymentStatus.class);
        EnumSet.complementOf(EnumSet.of(from)).stream().filter(from::canBecome).forEach(accepted::add);

        assertThat(accepted).isEqualTo(ALLOWED.get(from));
    }

    @Test
    void aRefundOnlyEverFollowsASuccess() {
        assertThat(PROCESSING.canBecome(REFUNDING)).isFalse();
        assertThat(PROCESSING.canBecome(REFUNDED)).isFalse();
        assertThat(SUCCEEDED.canBecome(REFUNDED))
                .as("the refund is claimed first")
                .isFalse();
        assertThat(FAILED.canBecome(REFUNDING)).isFalse();
    }

    @Test
    void statusesReadBackFromTheirStoredValues() {
        for (PaymentStatus status : PaymentStatus.values()) {
            assertThat(PaymentStatus.of(status.value())).isEqualTo(status);
        }
        assertThat(REFUNDING.value()).isEqualTo("refunding");
    }

    @Test
    void aPaymentBelongsToItsPayerAndShowsItsOutcome() {
        Instant now = Instant.parse("2026-01-01T10:00:00.123456Z");
        var payment = new Payment(
                UUID.randomUUID(),
                "order-1",
                "payer",
                4500,
                "EUR",
                FAILED,
                "card_declined",
                "key",
                null,
                0,
                now,
                false,
                now,
                now);

        PaymentView view = PaymentView.of(payment);

        assertThat(payment.ownedBy("payer")).isTrue();
        assertThat(payment.ownedBy("someone else")).isFalse();
        assertThat(view.status()).isEqualTo("failed");
        assertThat(view.failureCode()).isEqualTo("card_declined");
        assertThat(view.amountCents()).isEqualTo(4500);
        assertThat(view.createdAt()).isEqualTo(now);
    }
}

package io.livedrop.order.purchase.domain;

import static io.livedrop.order.purchase.domain.OrderStateMachineTests.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which remote step the saga takes next, for every combination of status, hold and payment. */
class SagaStepTests {

    @ParameterizedTest(name = "{0} / hold {1} / payment {2} → {3}")
    @CsvSource({
        // paid while pending: the hold becomes a sale
        "PENDING_PAYMENT, HELD,      CAPTURED, CONFIRM_HOLD",
        // pending and unpaid, or paid but the hold is in no state to confirm: wait
        "PENDING_PAYMENT, HELD,      NONE,     NONE",
        "PENDING_PAYMENT, REQUESTED, CAPTURED, NONE",
        "PENDING_PAYMENT, RELEASED,  CAPTURED, NONE",
        "PENDING_PAYMENT, CONFIRMED, CAPTURED, NONE",
        // ended with a hold (or a hold that may exist): give the stock back first
        "CANCELLED,       HELD,      NONE,     RELEASE_HOLD",
        "CANCELLED,       HELD,      CAPTURED, RELEASE_HOLD",
        "EXPIRED,         HELD,      NONE,     RELEASE_HOLD",
        "REJECTED,        REQUESTED, NONE,     RELEASE_HOLD",
        "EXPIRED,         REQUESTED, CAPTURED, RELEASE_HOLD",
        // hold gone, money taken: give the money back, before any sold stock goes back
        "EXPIRED,         RELEASED,  CAPTURED, REFUND_PAYMENT",
        "CANCELLED,       CONFIRMED, CAPTURED, REFUND_PAYMENT",
        "CANCELLED,       RETURNED,  CAPTURED, REFUND_PAYMENT",
        // refunded after a sale: the sold stock goes back on sale
        "CANCELLED,       CONFIRMED, REFUNDED, RETURN_STOCK",
        "CANCELLED,       CONFIRMED, NONE,     RETURN_STOCK",
        // nothing left to undo
        "CANCELLED,       RETURNED,  REFUNDED, NONE",
        "CANCELLED,       RELEASED,  NONE,     NONE",
        "EXPIRED,         RELEASED,  REFUNDED, NONE",
        "REJECTED,        NONE,      NONE,     NONE",
        "REJECTED,        RELEASED,  NONE,     NONE",
    })
    void decidesTheNextStep(OrderStatus status, HoldState hold, PaymentState payment, SagaStep expected) {
        assertThat(SagaStep.next(order(status, hold, payment))).isEqualTo(expected);
    }

    @Test
    void aPlacementStillRunningOrAConfirmedOrderNeedsNoStep() {
        for (OrderStatus status : EnumSet.of(OrderStatus.RESERVING, OrderStatus.CONFIRMED)) {
            for (HoldState hold : HoldState.values()) {
                for (PaymentState payment : PaymentState.values()) {
                    assertThat(SagaStep.next(order(status, hold, payment)))
                            .as(status + " / " + hold + " / " + payment)
                            .isEqualTo(SagaStep.NONE);
                }
            }
        }
    }

    @Test
    void anUnwindingOrderReleasesEveryHoldItMayHaveBeforeAnythingElse() {
        for (OrderStatus status : EnumSet.of(OrderStatus.CANCELLED, OrderStatus.EXPIRED, OrderStatus.REJECTED)) {
            for (HoldState hold : EnumSet.of(HoldState.HELD, HoldState.REQUESTED)) {
                for (PaymentState payment : PaymentState.values()) {
                    assertThat(SagaStep.next(order(status, hold, payment)))
                            .as(status + " / " + hold + " / " + payment)
                            .isEqualTo(SagaStep.RELEASE_HOLD);
                }
            }
        }
    }

    @Test
    void onlyAPendingOrderIsEverConfirmed() {
        for (OrderStatus status : OrderStatus.values()) {
            for (HoldState hold : HoldState.values()) {
                for (PaymentState payment : PaymentState.values()) {
                    if (SagaStep.next(order(status, hold, payment)) == SagaStep.CONFIRM_HOLD) {
                        assertThat(status).isEqualTo(OrderStatus.PENDING_PAYMENT);
                        assertThat(OrderStatus.PENDING_PAYMENT.canBecome(OrderStatus.CONFIRMED))
                                .isTrue();
                    }
                }
            }
        }
    }
}

package io.livedrop.order.purchase.domain;

import static io.livedrop.order.purchase.domain.OrderStatus.CANCELLED;
import static io.livedrop.order.purchase.domain.OrderStatus.CONFIRMED;
import static io.livedrop.order.purchase.domain.OrderStatus.EXPIRED;
import static io.livedrop.order.purchase.domain.OrderStatus.PENDING_PAYMENT;
import static io.livedrop.order.purchase.domain.OrderStatus.REJECTED;
import static io.livedrop.order.purchase.domain.OrderStatus.RESERVING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livedrop.order.drop.domain.DropInfo;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order state machine as plain rules: every allowed and every refused status change. */
class OrderStateMachineTests {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00.123456Z");

    /** The transitions the saga, the placement, cancellation and expiry make; nothing else. */
    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            RESERVING, EnumSet.of(PENDING_PAYMENT, REJECTED),
            PENDING_PAYMENT, EnumSet.of(CONFIRMED, CANCELLED, EXPIRED),
            CONFIRMED, EnumSet.of(CANCELLED),
            CANCELLED, EnumSet.noneOf(OrderStatus.class),
            EXPIRED, EnumSet.noneOf(OrderStatus.class),
            REJECTED, EnumSet.noneOf(OrderStatus.class));

    @Test
    void everyStatusChangeIsAllowedOrRefusedAsTheStateMachineSays() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                if (from == to) {
                    continue;
                }
                assertThat(from.canBecome(to))
                        .as(from + " → " + to)
                        .isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void anAllowedChangeGivesTheNewOrderAndKeepsItsIdentity() {
        Order pending = order(PENDING_PAYMENT);
        Instant later = NOW.plusSeconds(5);

        Order confirmed = pending.with(CONFIRMED, HoldState.CONFIRMED, PaymentState.CAPTURED, later);

        assertThat(confirmed.status()).isEqualTo(CONFIRMED);
        assertThat(confirmed.holdState()).isEqualTo(HoldState.CONFIRMED);
        assertThat(confirmed.paymentState()).isEqualTo(PaymentState.CAPTURED);
        assertThat(confirmed.updatedAt()).isEqualTo(later);
        assertThat(confirmed.id()).isEqualTo(pending.id());
        assertThat(confirmed.version()).isEqualTo(pending.version());
        assertThat(confirmed.createdAt()).isEqualTo(pending.createdAt());
    }

    @Test
    void everyRefusedChangeThrowsAndEveryAllowedOneIsMade() {
        for (OrderStatus from : OrderStatus.values()) {
            Order order = order(from);
            for (OrderStatus to : OrderStatus.values()) {
                if (from == to || ALLOWED.get(from).contains(to)) {
                    assertThat(order.withStatus(to, NOW).status())
                            .as(from + " → " + to)
                            .isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> order.withStatus(to, NOW))
                            .as(from + " → " + to)
                            .isInstanceOf(IllegalStateException.class);
                }
            }
        }
    }

    @Test
    void finalStatusesStillChangeTheirHoldAndPayment() {
        for (OrderStatus status : EnumSet.of(CANCELLED, EXPIRED, REJECTED)) {
            Order order = order(status);

            assertThat(order.withHold(HoldState.RELEASED, NOW).holdState()).isEqualTo(HoldState.RELEASED);
            assertThat(order.with(status, HoldState.CONFIRMED, PaymentState.REFUNDED, NOW)
                            .paymentState())
                    .isEqualTo(PaymentState.REFUNDED);
        }
    }

    @Test
    void onlyPlacedOrdersAreVisibleAndOnlyEndedOnesUnwind() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::visible))
                .containsExactlyInAnyOrder(PENDING_PAYMENT, CONFIRMED, CANCELLED, EXPIRED);
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::unwinding))
                .containsExactlyInAnyOrder(CANCELLED, EXPIRED, REJECTED);
    }

    @Test
    void aNewOrderIsReservingWithAHoldRequestedAndNoPayment() {
        var drop = new DropInfo("drop-1", "product-1", "creator-1", 1500, "EUR", NOW, NOW.plusSeconds(3600), 2, false);

        Order order = Order.reserving(
                UUID.randomUUID(), "buyer", drop, 3, "key", NOW, NOW.plusSeconds(600), NOW.plusSeconds(40));

        assertThat(order.status()).isEqualTo(RESERVING);
        assertThat(order.holdState()).isEqualTo(HoldState.REQUESTED);
        assertThat(order.paymentState()).isEqualTo(PaymentState.NONE);
        assertThat(order.totalCents()).isEqualTo(4500);
        assertThat(order.workDueAt()).isEqualTo(NOW.plusSeconds(40));
        assertThat(order.ownedBy("buyer")).isTrue();
        assertThat(order.ownedBy("someone else")).isFalse();
    }

    @Test
    void statusesHoldsAndPaymentsReadBackFromTheirStoredValues() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(OrderStatus.of(status.value())).isEqualTo(status);
        }
        for (HoldState hold : HoldState.values()) {
            assertThat(HoldState.of(hold.value())).isEqualTo(hold);
        }
        for (PaymentState payment : PaymentState.values()) {
            assertThat(PaymentState.of(payment.value())).isEqualTo(payment);
        }
        assertThat(PENDING_PAYMENT.value()).isEqualTo("pending_payment");
    }

    static Order order(OrderStatus status) {
        return order(status, HoldState.HELD, PaymentState.NONE);
    }

    static Order order(OrderStatus status, HoldState hold, PaymentState payment) {
        return new Order(
                UUID.randomUUID(),
                "buyer",
                "drop-1",
                "product-1",
                1,
                1500,
                1500,
                "EUR",
                status,
                hold,
                payment,
                payment == PaymentState.NONE ? null : "pay-1",
                "key",
                NOW.plusSeconds(600),
                null,
                0,
                3,
                NOW,
                NOW);
    }
}

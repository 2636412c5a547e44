package io.livedrop.order.purchase.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Business counters for dashboards and alerts. Counted after the commit of the state change, so a
 * rolled-back transition is never counted.
 */
@Component
public class OrderMetrics {

    private final Counter placed;
    private final Counter confirmed;
    private final Counter expired;
    private final Counter cancelled;
    private final Counter rejectedSoldOut;
    private final Counter rejectedPerUserLimit;
    private final Counter paymentsFailed;

    OrderMetrics(MeterRegistry meters) {
        placed = Counter.builder("livedrop.orders.placed")
                .description("Orders placed (stock held, pending payment)")
                .register(meters);
        confirmed = Counter.builder("livedrop.orders.confirmed")
                .description("Orders paid and confirmed")
                .register(meters);
        expired = Counter.builder("livedrop.orders.expired")
                .description("Orders expired (unpaid by reservedUntil, or paid after the hold was gone)")
                .register(meters);
        cancelled = Counter.builder("livedrop.orders.cancelled")
                .description("Orders cancelled by their buyer")
                .register(meters);
        rejectedSoldOut = rejected(meters, "sold_out");
        rejectedPerUserLimit = rejected(meters, "per_user_limit");
        paymentsFailed = Counter.builder("livedrop.orders.payment.failures")
                .description("Failed payment attempts seen for orders (the order stays payable)")
                .register(meters);
    }

    private static Counter rejected(MeterRegistry meters, String reason) {
        return Counter.builder("livedrop.orders.reservations.rejected")
                .description("Reservations inventory rejected")
                .tag("reason", reason)
                .register(meters);
    }

    public void placed() {
        afterCommit(placed);
    }

    public void confirmed() {
        afterCommit(confirmed);
    }

    public void expired() {
        afterCommit(expired);
    }

    public void cancelled() {
        afterCommit(cancelled);
    }

    public void rejectedSoldOut() {
        afterCommit(rejectedSoldOut);
    }

    public void rejectedPerUserLimit() {
        afterCommit(rejectedPerUserLimit);
    }

    public void paymentFailed() {
        afterCommit(paymentsFailed);
    }

    private static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}

package io.livedrop.order.purchase.messaging;

import io.livedrop.common.events.PaymentFailed;
import io.livedrop.common.events.PaymentSucceeded;
import io.livedrop.common.messaging.IdempotentEventHandler;
import io.livedrop.order.purchase.application.PaymentOutcomeService;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The saga's inputs from payment-service. The payment is recorded in the dedupe transaction; the
 * remote steps (confirm, refund) run after its commit, right here, so a paid order is confirmed within
 * moments. If this process dies in between, the recovery job does them.
 */
@Component
class PaymentEventsListener {

    static final String SUCCEEDED = "order-payment-succeeded";
    static final String FAILED = "order-payment-failed";
    /** Consumer groups are the listener ids, optionally prefixed to run an instance that sees every event. */
    static final String GROUP_PREFIX = "${livedrop.order.consumer-group-prefix:}";

    private final IdempotentEventHandler handler;
    private final PaymentOutcomeService outcomes;

    PaymentEventsListener(IdempotentEventHandler handler, PaymentOutcomeService outcomes) {
        this.handler = handler;
        this.outcomes = outcomes;
    }

    @KafkaListener(id = SUCCEEDED, groupId = GROUP_PREFIX + SUCCEEDED, topics = PaymentSucceeded.TOPIC)
    void onSucceeded(String json) {
        AtomicReference<Optional<UUID>> toDrive = new AtomicReference<>(Optional.empty());
        handler.handle(
                SUCCEEDED, json, PaymentSucceeded.class, event -> toDrive.set(outcomes.recordSucceeded(event.data())));
        toDrive.get().ifPresent(outcomes::finish);
    }

    @KafkaListener(id = FAILED, groupId = GROUP_PREFIX + FAILED, topics = PaymentFailed.TOPIC)
    void onFailed(String json) {
        handler.handle(FAILED, json, PaymentFailed.class, event -> outcomes.recordFailed(event.data()));
    }
}

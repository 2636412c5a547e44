package io.livedrop.order.payment.client;

import io.livedrop.common.peer.PeerCalls;
import io.livedrop.order.payment.client.PaymentApi.Refund;
import io.livedrop.order.payment.client.PaymentApi.RefundRequest;
import java.util.UUID;

/** Refunds at payment-service, behind a circuit breaker. */
public class PaymentClient {

    public static final String PAYMENT_NOT_FOUND = "PAYMENT_NOT_FOUND";

    private final PaymentApi api;
    private final PeerCalls calls;

    public PaymentClient(PaymentApi api, PeerCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    public Refund refund(UUID orderId) {
        return calls.call(() -> api.refund(new RefundRequest(orderId.toString())));
    }
}

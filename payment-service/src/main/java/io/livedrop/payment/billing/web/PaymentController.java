package io.livedrop.payment.billing.web;

import io.livedrop.common.idempotency.IdempotencyKey;
import io.livedrop.common.idempotency.IdempotencyKeyHeader;
import io.livedrop.common.idempotency.IdempotentExecutor;
import io.livedrop.common.security.AuthenticatedUser;
import io.livedrop.payment.billing.application.PaymentQueryService;
import io.livedrop.payment.billing.application.PaymentService;
import io.livedrop.payment.billing.domain.PayOrder;
import io.livedrop.payment.billing.domain.PaymentView;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private static final String PATH = "/api/payments";

    private final IdempotentExecutor idempotent;
    private final PaymentService processing;
    private final PaymentQueryService queries;

    PaymentController(IdempotentExecutor idempotent, PaymentService processing, PaymentQueryService queries) {
        this.idempotent = idempotent;
        this.processing = processing;
        this.queries = queries;
    }

    /** The key parameter comes before the body: a missing key is reported even when the body is bad. */
    @PostMapping
    ResponseEntity<String> pay(
            @Parameter(hidden = true) AuthenticatedUser user,
            @IdempotencyKeyHeader IdempotencyKey key,
            @Valid @RequestBody PayRequest body) {
        var payOrder = new PayOrder(body.orderId(), body.paymentMethod().token());
        return idempotent.post(user.id(), key, PATH, body, attempt -> processing.pay(user.id(), payOrder, attempt));
    }

    @GetMapping("/{paymentId}")
    PaymentView get(AuthenticatedUser user, @PathVariable String paymentId) {
        return PaymentView.of(queries.ownPayment(user.id(), paymentId));
    }
}

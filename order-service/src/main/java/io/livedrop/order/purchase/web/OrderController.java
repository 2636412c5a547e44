package io.livedrop.order.purchase.web;

import io.livedrop.common.admission.AdmissionTokens;
import io.livedrop.common.idempotency.IdempotencyKey;
import io.livedrop.common.idempotency.IdempotencyKeyHeader;
import io.livedrop.common.idempotency.IdempotentExecutor;
import io.livedrop.common.pagination.Page;
import io.livedrop.common.security.AuthenticatedUser;
import io.livedrop.order.purchase.application.OrderCancellationService;
import io.livedrop.order.purchase.application.OrderGate;
import io.livedrop.order.purchase.application.OrderPlacementService;
import io.livedrop.order.purchase.application.OrderQueryService;
import io.livedrop.order.purchase.domain.OrderView;
import io.livedrop.order.purchase.domain.PlaceOrder;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private static final String PATH = "/api/orders";

    private final IdempotentExecutor idempotent;
    private final OrderGate gate;
    private final OrderPlacementService placement;
    private final OrderQueryService queries;
    private final OrderCancellationService cancellation;

    OrderController(
            IdempotentExecutor idempotent,
            OrderGate gate,
            OrderPlacementService placement,
            OrderQueryService queries,
            OrderCancellationService cancellation) {
        this.idempotent = idempotent;
        this.gate = gate;
        this.placement = placement;
        this.queries = queries;
        this.cancellation = cancellation;
    }

    /**
     * The key parameter comes before the body: a missing key is reported even when the body is bad. The
     * gate (waiting-room admission, sold out) answers before the key is recorded.
     */
    @PostMapping
    ResponseEntity<String> place(
            @Parameter(hidden = true) AuthenticatedUser user,
            @IdempotencyKeyHeader IdempotencyKey key,
            @Parameter(description = "Required while the drop's waiting room is on: the ticket's admissionToken")
                    @RequestHeader(name = AdmissionTokens.HEADER, required = false)
                    String admissionToken,
            @Valid @RequestBody PlaceOrderRequest body) {
        var order = new PlaceOrder(body.dropId(), body.quantity());
        gate.check(user.id(), key.value(), order, admissionToken);
        return idempotent.post(user.id(), key, PATH, body, attempt -> placement.place(user.id(), order, attempt));
    }

    @GetMapping("/{orderId}")
    OrderView get(AuthenticatedUser user, @PathVariable String orderId) {
        return OrderView.of(queries.ownOrder(user.id(), orderId));
    }

    @GetMapping
    Page<OrderView> list(
            AuthenticatedUser user,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        return queries.pageOf(user.id(), limit, cursor).map(OrderView::of);
    }

    @PutMapping("/{orderId}/cancel")
    OrderView cancel(AuthenticatedUser user, @PathVariable String orderId) {
        return OrderView.of(cancellation.cancel(user.id(), orderId));
    }
}

package io.livedrop.order.purchase.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/orders}. At most 100 units per order; the drop's per-user limit is inventory's rule. */
record PlaceOrderRequest(
        @NotBlank @Size(max = 64) String dropId,
        @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {

    static final int MAX_QUANTITY = 100;
}

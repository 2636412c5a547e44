package io.livedrop.payment.billing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/payments}. */
record PayRequest(
        @NotBlank @Size(max = 64) String orderId,
        @NotNull @Valid PaymentMethod paymentMethod) {

    record PaymentMethod(
            @NotNull @Pattern(regexp = "card", message = "must be \"card\"")
            String type,

            @NotBlank @Size(max = 255) String token) {}
}

package io.livedrop.catalog.product.web;

import io.livedrop.catalog.browse.web.HttpUrl;
import io.livedrop.catalog.browse.web.IsoCurrency;
import io.livedrop.catalog.product.domain.ProductDetails;
import io.livedrop.common.web.FreeText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/products}. */
public record CreateProductRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull @Size(max = 5000) @FreeText String description,
        @NotNull @Min(0) @Max(MAX_PRICE_CENTS) Long priceCents,
        @NotNull @IsoCurrency String currency,
        @Size(max = 2048) @HttpUrl String imageUrl) {

    /** 10 million in major units: far above any drop, far below overflow in order totals. */
    static final long MAX_PRICE_CENTS = 1_000_000_000L;

    ProductDetails toDetails() {
        return new ProductDetails(title, description, priceCents, currency, imageUrl);
    }
}

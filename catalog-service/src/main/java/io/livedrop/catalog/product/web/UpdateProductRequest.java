package io.livedrop.catalog.product.web;

import static io.livedrop.catalog.product.web.CreateProductRequest.MAX_PRICE_CENTS;

import io.livedrop.catalog.browse.web.HttpUrl;
import io.livedrop.catalog.browse.web.IsoCurrency;
import io.livedrop.catalog.browse.web.Patterns;
import io.livedrop.catalog.product.domain.ProductDetails;
import io.livedrop.common.web.FreeText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /api/products/{id}}: absent (or null) fields stay unchanged; an empty {@code imageUrl} removes the image. */
public record UpdateProductRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = Patterns.NOT_BLANK, message = "must not be blank")
        String title,

        @Size(max = 5000) @FreeText String description,
        @Min(0) @Max(MAX_PRICE_CENTS) Long priceCents,
        @IsoCurrency String currency,
        @Size(max = 2048) @HttpUrl String imageUrl) {

    ProductDetails toDetails() {
        return new ProductDetails(title, description, priceCents, currency, imageUrl);
    }
}

package io.livedrop.catalog.product;

import io.livedrop.catalog.web.HttpUrl;
import io.livedrop.catalog.web.IsoCurrency;
import io.livedrop.catalog.web.Patterns;
import io.livedrop.common.web.FreeText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the product endpoints. */
final class ProductRequests {

    /** 10 million in major units: far above any drop, far below overflow in order totals. */
    static final long MAX_PRICE_CENTS = 1_000_000_000L;

    private ProductRequests() {}

    record CreateProduct(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Size(max = 5000) @FreeText String description,
            @NotNull @Min(0) @Max(MAX_PRICE_CENTS) Long priceCents,
            @NotNull @IsoCurrency String currency,
            @Size(max = 2048) @HttpUrl String imageUrl) {}

    /** Absent (or null) fields stay unchanged; an empty {@code imageUrl} removes the image. */
    record UpdateProduct(
            @Size(min = 1, max = 200) @Pattern(regexp = Patterns.NOT_BLANK, message = "must not be blank")
            String title,

            @Size(max = 5000) @FreeText String description,
            @Min(0) @Max(MAX_PRICE_CENTS) Long priceCents,
            @IsoCurrency String currency,
            @Size(max = 2048) @HttpUrl String imageUrl) {}

    /** The content type the client will upload; it is part of the signature. */
    record ImageUpload(String contentType) {}
}

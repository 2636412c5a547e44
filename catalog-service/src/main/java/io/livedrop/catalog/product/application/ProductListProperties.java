package io.livedrop.catalog.product.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of {@code GET /api/products} (API.md: same cost on page 1 and page 10,000).
 *
 * @param searchTimeout statement timeout of each query of a text search ({@code q}); past it the page
 *     is answered 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After} instead of holding a
 *     connection
 * @param browseTimeout statement timeout of a list without {@code q} (a keyset index range, normally
 *     a few milliseconds)
 * @param scanWindow how many products, newest first after the cursor, a text search examines in index
 *     order before it falls back to collecting the matches through the full-text index (see {@link
 *     Products})
 * @param retryAfter the {@code Retry-After} of the 503
 */
@ConfigurationProperties("livedrop.catalog.products")
public record ProductListProperties(
        @DefaultValue("2s") Duration searchTimeout,
        @DefaultValue("2s") Duration browseTimeout,
        @DefaultValue("10000") int scanWindow,
        @DefaultValue("2s") Duration retryAfter) {

    public ProductListProperties {
        if (scanWindow < 101) {
            throw new IllegalArgumentException("livedrop.catalog.products.scan-window must be at least 101 (a page)");
        }
    }
}

package io.livedrop.catalog.product.application;

/** A product list or search query ran into its statement timeout: 503 with {@code Retry-After}. */
public class ProductListTimedOutException extends RuntimeException {

    ProductListTimedOutException(Throwable cause) {
        super("The product list took too long", cause, false, false);
    }
}

package io.livedrop.catalog.product.domain;

/**
 * In-process notice, published inside the transaction of a product edit: drops show the product's
 * title and image, and upcoming drops sell at its price.
 */
public record ProductChanged(ProductView before, ProductView after) {

    /** Whether what a drop sells (title, price, currency) changed, not only how it looks. */
    public boolean saleTermsChanged() {
        return !before.title().equals(after.title())
                || before.priceCents() != after.priceCents()
                || !before.currency().equals(after.currency());
    }
}

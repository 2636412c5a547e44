package io.livedrop.catalog.product.domain;

/**
 * The editable fields of a product as a request gave them: all of them (but the image) for a new
 * product; in an edit an absent (null) field stays unchanged and an empty {@code imageUrl} removes the
 * image.
 */
public record ProductDetails(String title, String description, Long priceCents, String currency, String imageUrl) {}

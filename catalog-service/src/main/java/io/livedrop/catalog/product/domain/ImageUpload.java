package io.livedrop.catalog.product.domain;

import java.time.Instant;

/**
 * A presigned upload of a product image.
 *
 * @param uploadUrl PUT the file here, with header {@code Content-Type: contentType}
 * @param imageUrl where the image will be served from once uploaded
 * @param expiresAt when uploadUrl stops working
 */
public record ImageUpload(String uploadUrl, String imageUrl, Instant expiresAt, String contentType) {}

package io.livedrop.catalog.product.web;

/** Body of {@code POST /api/products/{id}/image-upload}: the content type the client will upload; it is part of the signature. */
public record ImageUploadRequest(String contentType) {}

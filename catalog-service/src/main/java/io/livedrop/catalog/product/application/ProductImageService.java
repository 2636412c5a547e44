package io.livedrop.catalog.product.application;

import io.livedrop.catalog.product.domain.ImageUpload;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.ids.Ids;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/**
 * Presigned uploads of product images: the client PUTs the file straight to the object store (the
 * service never carries image bytes), then sets the product's {@code imageUrl} to the returned URL
 * with {@code PATCH /api/products/{id}}. Signing is offline: no call to the store is made here.
 */
public class ProductImageService {

    /** Content types we sign for, and the file extension of their objects. */
    static final Map<String, String> EXTENSIONS =
            Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp", "image/gif", "gif");

    static final String DEFAULT_CONTENT_TYPE = "image/jpeg";

    private final S3Presigner presigner;
    private final ImageStorageProperties properties;
    private final ProductService products;

    public ProductImageService(S3Presigner presigner, ImageStorageProperties properties, ProductService products) {
        this.presigner = presigner;
        this.properties = properties;
        this.products = products;
    }

    /** An upload URL for a new image of the caller's product. */
    public ImageUpload presign(UUID userId, UUID productId, String contentType) {
        String type = contentType == null ? DEFAULT_CONTENT_TYPE : contentType;
        String extension = EXTENSIONS.get(type);
        if (extension == null) {
            throw ApiException.validation("contentType", "must be one of " + EXTENSIONS.keySet());
        }
        products.requireOwned(userId, productId);
        String key = "products/" + productId + "/" + Ids.newId() + "." + extension;
        PresignedPutObjectRequest presigned = presigner.presignPutObject(PutObjectPresignRequest.builder()
                .signatureDuration(properties.uploadUrlTtl())
                .putObjectRequest(PutObjectRequest.builder()
                        .bucket(properties.bucket())
                        .key(key)
                        .contentType(type)
                        .build())
                .build());
        return new ImageUpload(presigned.url().toString(), publicUrl(key), presigned.expiration(), type);
    }

    private String publicUrl(String key) {
        String base = properties.publicBaseUrl();
        return (base.endsWith("/") ? base : base + "/") + key;
    }
}

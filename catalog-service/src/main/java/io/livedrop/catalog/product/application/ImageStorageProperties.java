package io.livedrop.catalog.product.application;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where product images are uploaded (S3 or an S3-compatible store such as MinIO). The defaults are
 * for a local MinIO; production injects its own values and credentials.
 *
 * @param endpoint the S3 API endpoint clients upload to (null: AWS's regional endpoint)
 * @param region the signing region
 * @param bucket the bucket holding product images
 * @param publicBaseUrl where uploaded objects are served from: {@code imageUrl = publicBaseUrl/key}
 * @param accessKey the access key the URLs are signed with
 * @param secretKey its secret
 * @param pathStyle {@code endpoint/bucket/key} URLs (MinIO) instead of {@code bucket.endpoint/key}
 * @param uploadUrlTtl how long an upload URL stays valid
 */
@ConfigurationProperties("livedrop.catalog.images")
public record ImageStorageProperties(
        @DefaultValue("http://localhost:9000") URI endpoint,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("livedrop-images") String bucket,

        @DefaultValue("http://localhost:9000/livedrop-images")
        String publicBaseUrl,

        @DefaultValue("minioadmin") String accessKey,
        @DefaultValue("minioadmin") String secretKey,
        @DefaultValue("true") boolean pathStyle,
        @DefaultValue("10m") Duration uploadUrlTtl) {}

package io.livedrop.catalog.config;

import io.livedrop.catalog.product.application.ImageStorageProperties;
import io.livedrop.catalog.product.application.ProductImageService;
import io.livedrop.catalog.product.application.ProductListProperties;
import io.livedrop.catalog.product.application.ProductService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ImageStorageProperties.class, ProductListProperties.class})
class ImageStorageConfiguration {

    @Bean(destroyMethod = "close")
    S3Presigner s3Presigner(ImageStorageProperties properties) {
        var builder = S3Presigner.builder()
                .region(Region.of(properties.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(properties.accessKey(), properties.secretKey())))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(properties.pathStyle())
                        .build());
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        return builder.build();
    }

    @Bean
    ProductImageService productImages(
            S3Presigner presigner, ImageStorageProperties properties, ProductService products) {
        return new ProductImageService(presigner, properties, products);
    }
}

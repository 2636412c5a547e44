package io.livedrop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.support.CatalogApi.User;
import io.livedrop.catalog.support.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/products/{id}/image-upload: a presigned S3 PUT URL, signed offline. */
class ProductImageUploadTests extends CatalogIntegrationTest {

    @BeforeEach
    void client() {}

    @Test
    void ownerGetsAPresignedPathStylePutUrlForTheDefaultStore() {
        User creator = api.newCreator();
        String productId = api.createProduct(creator, "Pictured").path("id").asString();

        Response upload = api.post("/api/products/" + productId + "/image-upload", null, creator.token());

        assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
        URI url = URI.create(upload.text("uploadUrl"));
        assertThat(url.getScheme()).isEqualTo("http");
        assertThat(url.getHost()).isEqualTo("localhost");
        assertThat(url.getPort()).isEqualTo(9000);
        assertThat(url.getPath()).matches("/livedrop-images/products/" + productId + "/[0-9a-f-]{36}\\.jpg");
        Map<String, String> query = query(url);
        assertThat(query).containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256").containsEntry("X-Amz-Expires", "600");
        assertThat(query.get("X-Amz-Credential")).startsWith("minioadmin/").contains("/us-east-1/s3/aws4_request");
        assertThat(query.get("X-Amz-SignedHeaders").split(";")).contains("host", "content-type");
        assertThat(query.get("X-Amz-Signature")).matches("[0-9a-f]{64}");
        assertThat(upload.text("imageUrl"))
                .isEqualTo(
                        "http://localhost:9000/livedrop-images" + url.getPath().substring("/livedrop-images".length()));
        assertThat(Instant.parse(upload.text("expiresAt")))
                .isCloseTo(Instant.now().plusSeconds(600), within(60, ChronoUnit.SECONDS));
        assertThat(upload.text("contentType")).isEqualTo("image/jpeg");
    }

    @Test
    void theUploadIsSignedForTheRequestedImageType() {
        User creator = api.newCreator();
        String productId = api.createProduct(creator, "Png").path("id").asString();

        Response png = api.post(
                "/api/products/" + productId + "/image-upload", Map.of("contentType", "image/png"), creator.token());
        Response pdf = api.post(
                "/api/products/" + productId + "/image-upload",
                Map.of("contentType", "application/pdf"),
                creator.token());

        assertThat(png.status()).isEqualTo(200);
        assertThat(URI.create(png.text("uploadUrl")).getPath()).endsWith(".png");
        assertThat(png.text("contentType")).isEqualTo("image/png");
        assertThat(pdf.status()).isEqualTo(400);
        assertThat(pdf.errorFields()).containsExactly("contentType");
    }

    @Test
    void onlyTheOwnerMayUpload() {
        String productId =
                api.createProduct(api.newCreator(), "Private").path("id").asString();

        assertThat(api.post(
                                "/api/products/" + productId + "/image-upload",
                                null,
                                api.newCreator().token())
                        .code())
                .isEqualTo("FORBIDDEN");
        assertThat(api.post("/api/products/" + productId + "/image-upload", null, null)
                        .status())
                .isEqualTo(401);
        assertThat(api.post(
                                "/api/products/" + UUID.randomUUID() + "/image-upload",
                                null,
                                api.newCreator().token())
                        .code())
                .isEqualTo("PRODUCT_NOT_FOUND");
    }

    private static Map<String, String> query(URI url) {
        return Arrays.stream(url.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}

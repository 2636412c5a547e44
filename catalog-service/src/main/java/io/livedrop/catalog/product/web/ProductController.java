package io.livedrop.catalog.product.web;

import io.livedrop.catalog.browse.web.BatchReads;
import io.livedrop.catalog.browse.web.ListReads;
import io.livedrop.catalog.browse.web.PathIds;
import io.livedrop.catalog.browse.web.PublicCaching;
import io.livedrop.catalog.browse.web.UserIds;
import io.livedrop.catalog.product.application.ProductImageService;
import io.livedrop.catalog.product.application.ProductService;
import io.livedrop.catalog.product.domain.ImageUpload;
import io.livedrop.catalog.product.domain.ProductSearch;
import io.livedrop.catalog.product.domain.ProductView;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.pagination.Page;
import io.livedrop.common.security.AuthenticatedUser;
import io.livedrop.common.web.BatchIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
class ProductController {

    /** The parameters of the list, which a batch read ({@code ids=}) does not take. */
    private static final List<String> LIST_PARAMETERS = List.of("creatorId", "q", "limit", "cursor");

    private final ProductService products;
    private final ProductImageService images;

    private final PublicCaching caching;

    ProductController(ProductService products, ProductImageService images, PublicCaching caching) {
        this.products = products;
        this.images = images;
        this.caching = caching;
    }

    @PostMapping
    ResponseEntity<ProductView> create(AuthenticatedUser user, @Valid @RequestBody CreateProductRequest body) {
        ProductView product = products.create(UserIds.of(user), body.toDetails());
        return ResponseEntity.created(URI.create("/api/products/" + product.id()))
                .body(product);
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> get(@PathVariable String id) {
        return caching.ok(products.json(productId(id)));
    }

    @PatchMapping("/{id}")
    ProductView update(AuthenticatedUser user, @PathVariable String id, @Valid @RequestBody UpdateProductRequest body) {
        return products.update(UserIds.of(user), productId(id), body.toDetails());
    }

    /** Many products in one call, for clients that resolve a whole feed at once. */
    @GetMapping(params = "ids")
    ResponseEntity<Page<ProductView>> batch(
            @RequestParam(required = false) List<String> ids, HttpServletRequest request) {
        List<UUID> productIds = BatchReads.ids(ids, request.getParameterMap(), LIST_PARAMETERS);
        Page<ProductView> page = new Page<>(
                BatchIds.inAskedOrder(
                        productIds,
                        ListReads.shared(() -> products.byIds(productIds)),
                        view -> UUID.fromString(view.id())),
                null);
        return ResponseEntity.ok().cacheControl(caching.publicRead()).body(page);
    }

    @GetMapping
    Page<ProductView> list(
            @RequestParam(required = false) String creatorId,
            @RequestParam(required = false) @Size(max = ProductSearch.MAX_QUERY_LENGTH) String q,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        UUID creator = creatorId == null ? null : PathIds.parseOr404(creatorId, ErrorCode.CREATOR_NOT_FOUND, "Creator");
        return ListReads.list(creator, () -> products.page(creator, q, limit, cursor));
    }

    @PostMapping("/{id}/image-upload")
    ImageUpload imageUpload(
            AuthenticatedUser user, @PathVariable String id, @RequestBody(required = false) ImageUploadRequest body) {
        return images.presign(UserIds.of(user), productId(id), body == null ? null : body.contentType());
    }

    private static UUID productId(String id) {
        return PathIds.parseOr404(id, ErrorCode.PRODUCT_NOT_FOUND, "Product");
    }
}

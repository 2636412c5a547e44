package io.livedrop.catalog.product.application;

import io.livedrop.catalog.browse.application.AfterCommit;
import io.livedrop.catalog.browse.application.CacheRegion;
import io.livedrop.catalog.browse.application.CatalogCaches;
import io.livedrop.catalog.browse.domain.CachedValue;
import io.livedrop.catalog.browse.domain.KeysetPosition;
import io.livedrop.catalog.creator.application.CreatorService;
import io.livedrop.catalog.product.domain.ProductChanged;
import io.livedrop.catalog.product.domain.ProductDetails;
import io.livedrop.catalog.product.domain.ProductSearch;
import io.livedrop.catalog.product.domain.ProductView;
import io.livedrop.catalog.product.persistence.ProductRepository;
import io.livedrop.catalog.product.persistence.StatementTimeout;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.pagination.CursorCodec;
import io.livedrop.common.pagination.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Products of creators: create, edit (owner), read (cached), browse and search. */
@Service
public class ProductService {

    private static final String CURSOR_SCOPE = "products";

    private final ProductRepository repository;
    private final CreatorService creators;
    private final CacheRegion cache;
    private final CursorCodec cursors;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ProductListProperties limits;
    private final StatementTimeout statementTimeout;
    private final TransactionTemplate readOnly;

    public ProductService(
            ProductRepository repository,
            CreatorService creators,
            CatalogCaches caches,
            CursorCodec cursors,
            JsonMapper json,
            Clock clock,
            ApplicationEventPublisher events,
            ProductListProperties limits,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.creators = creators;
        this.cache = caches.products();
        this.cursors = cursors;
        this.json = json;
        this.clock = clock;
        this.events = events;
        this.limits = limits;
        this.statementTimeout = new StatementTimeout(jdbc);
        this.readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
    }

    @Transactional
    public ProductView create(UUID userId, ProductDetails request) {
        creators.requireCreator(userId);
        var product = new ProductView(
                Ids.newId().toString(),
                userId.toString(),
                request.title().strip(),
                request.description(),
                request.priceCents(),
                request.currency(),
                emptyToNull(request.imageUrl()),
                clock.instant());
        repository.insert(product);
        return product;
    }

    @Transactional
    public ProductView update(UUID userId, UUID productId, ProductDetails request) {
        ProductView before = lockOwned(userId, productId);
        var after = new ProductView(
                before.id(),
                before.creatorId(),
                request.title() == null ? before.title() : request.title().strip(),
                request.description() == null ? before.description() : request.description(),
                request.priceCents() == null ? before.priceCents() : request.priceCents(),
                request.currency() == null ? before.currency() : request.currency(),
                request.imageUrl() == null ? before.imageUrl() : emptyToNull(request.imageUrl()),
                before.createdAt());
        repository.update(after, clock.instant());
        events.publishEvent(new ProductChanged(before, after));
        AfterCommit.run(() -> cache.evict(before.id()));
        return after;
    }

    /**
     * The caller's product, locked for the rest of the transaction. 404 if it does not exist, 403 if
     * it is someone else's: products are public, so their existence is no secret.
     */
    public ProductView lockOwned(UUID userId, UUID productId) {
        return owned(userId, repository.lock(productId).orElseThrow(() -> notFound(productId)));
    }

    /** The caller's product without a lock (404 / 403 as {@link #lockOwned}). */
    public ProductView requireOwned(UUID userId, UUID productId) {
        return owned(userId, repository.find(productId).orElseThrow(() -> notFound(productId)));
    }

    private static ProductView owned(UUID userId, ProductView product) {
        if (!product.creatorId().equals(userId.toString())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only the creator of this product can do this");
        }
        return product;
    }

    /** The product as JSON, from the cache; 404 {@code PRODUCT_NOT_FOUND} if there is none. */
    public CachedValue json(UUID productId) {
        CachedValue body = cache.getValue(
                productId.toString(),
                () -> repository
                        .find(productId)
                        .map(view -> CachedValue.of(json.writeValueAsBytes(view)))
                        .orElse(null));
        if (body == null) {
            throw notFound(productId);
        }
        return body;
    }

    /** The products with these ids, in no particular order (the controller answers them in the order asked); unknown ids are left out. One query, not the read cache. */
    public List<ProductView> byIds(List<UUID> productIds) {
        return repository.findAll(productIds);
    }

    public Page<ProductView> page(UUID creatorId, String q, int limit, String cursor) {
        if (creatorId != null && !creators.exists(creatorId)) {
            throw CreatorService.notFound(creatorId);
        }
        String tsquery = null;
        if (q != null && !q.isBlank()) {
            tsquery = ProductSearch.toTsquery(q);
            if (tsquery == null) {
                return new Page<>(List.of(), null); // only punctuation: nothing can match
            }
        }
        Instant afterCreatedAt = null;
        UUID afterId = null;
        if (cursor != null) {
            KeysetPosition after = KeysetPosition.parse(cursors.decode(CURSOR_SCOPE, cursor, 2));
            afterCreatedAt = after.time();
            afterId = after.id();
        }
        List<ProductView> rows = tsquery == null
                ? browse(creatorId, afterCreatedAt, afterId, limit)
                : search(creatorId, tsquery, afterCreatedAt, afterId, limit);
        return Page.fromLookahead(
                rows,
                limit,
                last -> cursors.encode(CURSOR_SCOPE, last.createdAt().toString(), last.id()));
    }

    private List<ProductView> browse(UUID creatorId, Instant afterCreatedAt, UUID afterId, int limit) {
        return withStatementTimeout(
                limits.browseTimeout(),
                () -> repository.page(repository.browseStatement(creatorId, afterCreatedAt, afterId, limit)));
    }

    /**
     * A text search page with a bounded cost. First the newest {@code scanWindow} products after the
     * cursor are examined in index order (a common word fills the page from the first few); only if
     * they hold fewer than {@code limit + 1} matches is the word rare enough to collect all its
     * matches through the full-text index and sort them. Both answers are the same page: the window
     * is a prefix of the keyset order. Each query runs under {@code searchTimeout}; past it the page
     * is a 503 with {@code Retry-After} rather than a held connection.
     */
    private List<ProductView> search(UUID creatorId, String tsquery, Instant afterCreatedAt, UUID afterId, int limit) {
        return withStatementTimeout(limits.searchTimeout(), () -> {
            List<ProductView> head = repository.page(
                    repository.headStatement(creatorId, tsquery, afterCreatedAt, afterId, limit, limits.scanWindow()));
            if (head.size() > limit) {
                return head;
            }
            return repository.page(repository.collectStatement(creatorId, tsquery, afterCreatedAt, afterId, limit));
        });
    }

    /** Runs {@code query} in a read-only transaction whose statements are cancelled after {@code timeout}. */
    private List<ProductView> withStatementTimeout(Duration timeout, Supplier<List<ProductView>> query) {
        try {
            return readOnly.execute(status -> {
                statementTimeout.set(timeout);
                return query.get();
            });
        } catch (DataAccessException e) {
            if (StatementTimeout.isCancellation(e)) {
                throw new ProductListTimedOutException(e);
            }
            throw e;
        }
    }

    public static ApiException notFound(Object productId) {
        return new ApiException(ErrorCode.PRODUCT_NOT_FOUND, "Product " + productId + " does not exist");
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

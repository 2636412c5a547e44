package io.livedrop.catalog.drop.application;

import io.livedrop.catalog.browse.application.AfterCommit;
import io.livedrop.catalog.browse.application.CacheRegion;
import io.livedrop.catalog.browse.application.CatalogCaches;
import io.livedrop.catalog.browse.domain.CachedValue;
import io.livedrop.catalog.browse.domain.KeysetPosition;
import io.livedrop.catalog.creator.application.CreatorService;
import io.livedrop.catalog.creator.domain.CreatorChanged;
import io.livedrop.catalog.drop.domain.Drop;
import io.livedrop.catalog.drop.domain.DropPlan;
import io.livedrop.catalog.drop.domain.DropStatus;
import io.livedrop.catalog.drop.domain.DropTerms;
import io.livedrop.catalog.drop.domain.DropView;
import io.livedrop.catalog.drop.persistence.DropRepository;
import io.livedrop.catalog.drop.persistence.DropRepository.DropPageQuery;
import io.livedrop.catalog.product.application.ProductService;
import io.livedrop.catalog.product.domain.ProductChanged;
import io.livedrop.catalog.product.domain.ProductView;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.events.DropScheduled;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.outbox.Outbox;
import io.livedrop.common.pagination.CursorCodec;
import io.livedrop.common.pagination.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Drops: scheduling and rescheduling (owner), reads (cached), browse pages, stock from inventory. */
@Service
public class DropService {

    private final DropRepository repository;
    private final CreatorService creators;
    private final ProductService products;
    private final Outbox outbox;
    private final CacheRegion cache;
    private final CursorCodec cursors;
    private final JsonMapper json;
    private final Clock clock;
    private final DropLifecycleScheduler scheduler;
    private final DropChangeSignals signals;
    private final Duration roomOpensBefore;

    public DropService(
            DropRepository repository,
            CreatorService creators,
            ProductService products,
            Outbox outbox,
            CatalogCaches caches,
            CursorCodec cursors,
            JsonMapper json,
            Clock clock,
            DropLifecycleScheduler scheduler,
            DropChangeSignals signals,
            @Value("${livedrop.catalog.waiting-room.opens-before:15m}") Duration roomOpensBefore) {
        this.repository = repository;
        this.creators = creators;
        this.products = products;
        this.outbox = outbox;
        this.cache = caches.drops();
        this.cursors = cursors;
        this.json = json;
        this.clock = clock;
        this.scheduler = scheduler;
        this.signals = signals;
        this.roomOpensBefore = roomOpensBefore;
    }

    @Transactional
    public DropView create(UUID userId, DropPlan request) {
        creators.requireCreator(userId);
        UUID productId = Ids.parse(request.productId()).orElseThrow(() -> ProductService.notFound(request.productId()));
        ProductView product = products.lockOwned(userId, productId);
        Instant now = clock.instant();
        DropTerms terms = DropTerms.forNewDrop(now, request);
        UUID dropId = Ids.newId();
        repository.insert(
                dropId,
                productId,
                userId,
                terms,
                product.priceCents(),
                product.currency(),
                Boolean.TRUE.equals(request.waitingRoom()),
                now);
        Drop drop = repository.find(dropId).orElseThrow();
        announceScheduled(drop);
        return drop.view(now, roomOpensBefore);
    }

    @Transactional
    public DropView update(UUID userId, UUID dropId, DropPlan request) {
        Drop drop = repository.lock(dropId).orElseThrow(() -> notFound(dropId));
        if (!drop.creatorId().equals(userId)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only the creator of this drop can change it");
        }
        Instant now = clock.instant();
        if (!drop.editableAt(now)) {
            throw new ApiException(
                    ErrorCode.DROP_NOT_EDITABLE,
                    "The drop is " + drop.statusAt(now).json() + "; only upcoming drops can change");
        }
        DropTerms terms = drop.rescheduled(now, request);
        boolean waitingRoom = drop.waitingRoomAfter(request);
        repository.reschedule(dropId, terms, waitingRoom, now);
        Drop changed = repository.find(dropId).orElseThrow();
        announceScheduled(changed);
        AfterCommit.run(() -> evictAndSignal(dropId.toString()));
        return changed.view(now, roomOpensBefore);
    }

    private void evictAndSignal(String dropId) {
        cache.evict(dropId);
        signals.changed(List.of(dropId));
    }

    /** The drop as JSON, from the cache; 404 {@code DROP_NOT_FOUND} if there is none. */
    public CachedValue json(UUID dropId) {
        CachedValue body = cache.getValue(
                dropId.toString(),
                () -> repository.find(dropId).map(this::cacheable).orElse(null));
        if (body == null) {
            throw notFound(dropId);
        }
        return body;
    }

    /** The body is true until the status changes: no tier may serve it past that moment. */
    private CachedValue cacheable(Drop drop) {
        Instant now = clock.instant();
        return CachedValue.of(
                json.writeValueAsBytes(drop.view(now, roomOpensBefore)),
                DropStatus.nextChange(now, drop.startsAt(), drop.endsAt()));
    }

    /** The first moment a drop of the page changes status (null: none will). */
    public Instant nextChangeOf(Page<DropView> page) {
        Instant now = clock.instant();
        return page.items().stream()
                .map(drop -> DropStatus.nextChange(now, drop.startsAt(), drop.endsAt()))
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /**
     * The drops with these ids, in no particular order (the controller answers them in the order
     * asked); unknown ids are left out. One query, not the read
     * cache; each drop is shown exactly as {@code GET /api/drops/{id}} shows it.
     */
    public List<DropView> byIds(List<UUID> dropIds) {
        Instant now = clock.instant();
        return repository.findAll(dropIds).stream()
                .map(row -> row.view(now, roomOpensBefore))
                .toList();
    }

    public Page<DropView> page(DropStatus status, UUID creatorId, UUID followerId, int limit, String cursor) {
        if (creatorId != null && !creators.exists(creatorId)) {
            throw CreatorService.notFound(creatorId);
        }
        String scope = "drops:" + status.json();
        Instant afterTime = null;
        UUID afterId = null;
        if (cursor != null) {
            KeysetPosition after = KeysetPosition.parse(cursors.decode(scope, cursor, 2));
            afterTime = after.time();
            afterId = after.id();
        }
        Instant now = clock.instant();
        List<Drop> rows =
                repository.page(new DropPageQuery(status, now, creatorId, followerId, afterTime, afterId, limit));
        return Page.fromLookahead(
                        rows,
                        limit,
                        last -> cursors.encode(
                                scope,
                                (status == DropStatus.ENDED ? last.endsAt() : last.startsAt()).toString(),
                                last.id().toString()))
                .map(row -> row.view(now, roomOpensBefore));
    }

    /**
     * Inventory reported the available stock (stock.changed, sold_out); runs inside the consumer's
     * transaction. Reports for drops catalog does not know, or older than the last one, change nothing.
     */
    public void stockReported(String dropId, int available, Instant reportedAt, UUID eventId) {
        UUID id = Ids.parse(dropId).orElse(null);
        if (id == null) {
            return;
        }
        Instant at = reportedAt != null ? reportedAt : clock.instant();
        if (repository.applyStock(id, Math.max(0, available), at.truncatedTo(ChronoUnit.MICROS), eventId)) {
            AfterCommit.run(() -> evictAndSignal(dropId));
        }
    }

    /**
     * Runs inside the product edit's transaction: upcoming drops sell at the new price (and announce
     * it with drop.scheduled); every drop of the product shows its new title and image.
     */
    @EventListener
    void on(ProductChanged change) {
        UUID productId = UUID.fromString(change.after().id());
        if (change.saleTermsChanged()) {
            ProductView product = change.after();
            for (Drop drop :
                    repository.repriceUpcoming(productId, product.priceCents(), product.currency(), clock.instant())) {
                announceScheduled(drop);
            }
        }
        List<String> affected = repository.idsByProduct(productId);
        AfterCommit.run(() -> cache.evictAll(affected));
    }

    /** Runs inside the profile edit's transaction: drops show the creator's handle and name. */
    @EventListener
    void on(CreatorChanged change) {
        List<String> affected = repository.idsByCreator(change.creatorId());
        AfterCommit.run(() -> cache.evictAll(affected));
    }

    private void announceScheduled(Drop drop) {
        outbox.publish(
                DropScheduled.TOPIC,
                drop.id().toString(),
                new DropScheduled(
                        drop.id().toString(),
                        drop.productId().toString(),
                        drop.creatorId().toString(),
                        drop.startsAt(),
                        drop.endsAt(),
                        drop.initialStock(),
                        drop.lowStockThreshold(),
                        drop.perUserLimit(),
                        drop.unitPriceCents(),
                        drop.currency(),
                        drop.productTitle(),
                        drop.waitingRoom()));
        AfterCommit.run(scheduler::wakeUp);
    }

    public static ApiException notFound(Object dropId) {
        return new ApiException(ErrorCode.DROP_NOT_FOUND, "Drop " + dropId + " does not exist");
    }
}

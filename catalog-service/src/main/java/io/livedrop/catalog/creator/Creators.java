package io.livedrop.catalog.creator;

import io.livedrop.catalog.cache.AfterCommit;
import io.livedrop.catalog.cache.CacheRegion;
import io.livedrop.catalog.cache.CachedValue;
import io.livedrop.catalog.cache.CatalogCaches;
import io.livedrop.catalog.creator.CreatorRepository.FieldChange;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.events.CreatorCreated;
import io.livedrop.common.outbox.Outbox;
import io.livedrop.common.web.BatchIds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Creator profiles: becoming a creator, editing the profile, reading it (cached). */
@Service
public class Creators {

    private final CreatorRepository repository;
    private final Outbox outbox;
    private final CacheRegion cache;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Creators(
            CreatorRepository repository,
            Outbox outbox,
            CatalogCaches caches,
            JsonMapper json,
            Clock clock,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.outbox = outbox;
        this.cache = caches.creators();
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    CreatorView become(UUID userId, CreatorRequests.BecomeCreator request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean inserted = repository.insert(
                userId,
                request.handle(),
                request.displayName().strip(),
                emptyToNull(request.bio()),
                emptyToNull(request.profileImageUrl()),
                now);
        if (!inserted) {
            throw repository.exists(userId)
                    ? new ApiException(ErrorCode.ALREADY_CREATOR, "You already have a creator profile")
                    : handleTaken(request.handle());
        }
        outbox.publish(
                CreatorCreated.TOPIC,
                userId.toString(),
                new CreatorCreated(
                        userId.toString(),
                        request.handle(),
                        request.displayName().strip()));
        return repository.find(userId).orElseThrow();
    }

    @Transactional
    CreatorView update(UUID userId, CreatorRequests.UpdateCreator request) {
        boolean exists;
        try {
            exists = repository.update(
                    userId,
                    request.handle(),
                    request.displayName() == null ? null : request.displayName().strip(),
                    FieldChange.of(request.bio()),
                    FieldChange.of(request.profileImageUrl()),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
        } catch (DuplicateKeyException e) {
            throw handleTaken(request.handle());
        }
        if (!exists) {
            throw notACreator();
        }
        AfterCommit.run(() -> cache.evict(userId.toString()));
        events.publishEvent(new CreatorChanged(userId));
        return repository.find(userId).orElseThrow();
    }

    /** 403 {@code NOT_A_CREATOR} unless the user has a creator profile. */
    public void requireCreator(UUID userId) {
        if (!repository.exists(userId)) {
            throw notACreator();
        }
    }

    public boolean exists(UUID creatorId) {
        return repository.exists(creatorId);
    }

    /** The profile as JSON, from the cache; 404 {@code CREATOR_NOT_FOUND} if there is none. */
    CachedValue json(UUID creatorId) {
        CachedValue body = cache.getValue(
                creatorId.toString(),
                () -> repository
                        .find(creatorId)
                        .map(view -> CachedValue.of(json.writeValueAsBytes(view)))
                        .orElse(null));
        if (body == null) {
            throw notFound(creatorId);
        }
        return body;
    }

    /**
     * The profiles with these ids, in the order asked; unknown ids are left out. One query, not the
     * read cache: a batch of cache lookups would cost up to one load each on a cold cache.
     */
    CreatorList byIds(List<UUID> creatorIds) {
        List<CreatorView> found = repository.findAll(creatorIds);
        return new CreatorList(BatchIds.inAskedOrder(creatorIds, found, view -> UUID.fromString(view.id())));
    }

    /** The profile with this handle (any case) as a batch of zero or one: a lookup, not a search. */
    CreatorList byHandle(String handle) {
        return new CreatorList(repository.findByHandle(handle).stream().toList());
    }

    /** Follower counts changed: the cached profiles show old counts. */
    public void followerCountsChanged(Collection<String> creatorIds) {
        cache.evictAll(creatorIds);
    }

    public static ApiException notFound(Object creatorId) {
        return new ApiException(ErrorCode.CREATOR_NOT_FOUND, "Creator " + creatorId + " does not exist");
    }

    private static ApiException notACreator() {
        return new ApiException(
                ErrorCode.NOT_A_CREATOR, "Only creators can do this; become one with POST /api/creators");
    }

    private static ApiException handleTaken(String handle) {
        return new ApiException(ErrorCode.HANDLE_TAKEN, "The handle '" + handle + "' is already taken");
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

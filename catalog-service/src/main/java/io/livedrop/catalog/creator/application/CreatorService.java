package io.livedrop.catalog.creator.application;

import io.livedrop.catalog.browse.application.AfterCommit;
import io.livedrop.catalog.browse.application.CacheRegion;
import io.livedrop.catalog.browse.application.CatalogCaches;
import io.livedrop.catalog.browse.domain.CachedValue;
import io.livedrop.catalog.creator.domain.CreatorChanged;
import io.livedrop.catalog.creator.domain.CreatorProfile;
import io.livedrop.catalog.creator.domain.CreatorView;
import io.livedrop.catalog.creator.persistence.CreatorRepository;
import io.livedrop.catalog.creator.persistence.CreatorRepository.FieldChange;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.events.CreatorCreated;
import io.livedrop.common.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
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
public class CreatorService {

    private final CreatorRepository repository;
    private final Outbox outbox;
    private final CacheRegion cache;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public CreatorService(
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
    public CreatorView become(UUID userId, CreatorProfile request) {
        Instant now = clock.instant();
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
    public CreatorView update(UUID userId, CreatorProfile request) {
        boolean exists;
        try {
            exists = repository.update(
                    userId,
                    request.handle(),
                    request.displayName() == null ? null : request.displayName().strip(),
                    FieldChange.of(request.bio()),
                    FieldChange.of(request.profileImageUrl()),
                    clock.instant());
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
    public CachedValue json(UUID creatorId) {
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
     * The profiles with these ids, in no particular order (the controller answers them in the order
     * asked); unknown ids are left out. One query, not the
     * read cache: a batch of cache lookups would cost up to one load each on a cold cache.
     */
    public List<CreatorView> byIds(List<UUID> creatorIds) {
        return repository.findAll(creatorIds);
    }

    /** The profile with this handle (any case) as a batch of zero or one: a lookup, not a search. */
    public List<CreatorView> byHandle(String handle) {
        return repository.findByHandle(handle).stream().toList();
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

package io.livedrop.catalog.follow.application;

import io.livedrop.catalog.creator.application.CreatorService;
import io.livedrop.catalog.follow.domain.FollowChange;
import io.livedrop.catalog.follow.persistence.FollowRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Catalog's copy of the follow edges and the follower count per creator, kept from follower-service's
 * events a batch at a time; the cached profiles of creators whose count moved are evicted.
 */
@Service
public class FollowReplicaService {

    /** Older than Kafka's retention plus a margin: no redelivery can reach an unfollow this old. */
    static final Duration TOMBSTONE_RETENTION = Duration.ofDays(8);

    private final FollowRepository replica;
    private final CreatorService creators;
    private final Clock clock;

    FollowReplicaService(FollowRepository replica, CreatorService creators, Clock clock) {
        this.replica = replica;
        this.creators = creators;
        this.clock = clock;
    }

    /** Applies one batch of changes, in any order and with repeats (see {@link FollowChange}). */
    public void apply(List<FollowChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<String> recounted = replica.apply(FollowChange.newestPerEdge(changes));
        creators.followerCountsChanged(recounted);
    }

    /**
     * Purges unfollow tombstones once no redelivery can reach them any more: they only exist to win
     * against an older, reordered follow event.
     *
     * @return how many were purged
     */
    int purgeTombstones() {
        return replica.purgeTombstonesOlderThan(clock.instant().minus(TOMBSTONE_RETENTION));
    }
}

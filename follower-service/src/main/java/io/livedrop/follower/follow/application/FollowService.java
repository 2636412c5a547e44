package io.livedrop.follower.follow.application;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.events.FollowCreated;
import io.livedrop.common.events.FollowDeleted;
import io.livedrop.common.outbox.Outbox;
import io.livedrop.follower.creator.persistence.CreatorRepository;
import io.livedrop.follower.follow.domain.FollowEdge;
import io.livedrop.follower.follow.domain.FollowOutcome;
import io.livedrop.follower.follow.persistence.FollowEdgeRepository;
import io.livedrop.follower.follow.persistence.FollowerCountRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow and unfollow. Each change writes the edge (both copies), its counter shard and its event in
 * one transaction, in that order: the edge's row lock comes first, so two changes of the same
 * (creator, user) pair serialise on it and their events reach the outbox in commit order. Changes of
 * different followers of one creator do not wait for each other (no per-creator lock: that would be
 * the celebrity's hot row), so their events may be relayed in an order other than their commits;
 * their effects on consumers (a count, a subscription per pair) do not depend on that order.
 *
 * <p>Times ({@code followedAt}, the events' {@code at}) come from PostgreSQL's clock, not the
 * instance's: with several instances and skewed clocks, the changes of one pair still carry strictly
 * increasing times, which consumers use to keep the newest change of an edge.
 */
@Service
public class FollowService {

    /** Insert attempts before giving up on an edge that keeps appearing and disappearing under us. */
    private static final int FOLLOW_ATTEMPTS = 3;

    private final FollowEdgeRepository edges;
    private final FollowerCountRepository counts;
    private final CreatorRepository creators;
    private final Outbox outbox;
    private final Counter followsCreated;
    private final Counter followsDeleted;

    public FollowService(
            FollowEdgeRepository edges,
            FollowerCountRepository counts,
            CreatorRepository creators,
            Outbox outbox,
            MeterRegistry meters) {
        this.edges = edges;
        this.counts = counts;
        this.creators = creators;
        this.outbox = outbox;
        this.followsCreated = Counter.builder("livedrop.follows.changes")
                .tag("change", "created")
                .description("Follow edges created")
                .register(meters);
        this.followsDeleted = Counter.builder("livedrop.follows.changes")
                .tag("change", "deleted")
                .description("Follow edges removed")
                .register(meters);
    }

    /**
     * Makes {@code userId} follow {@code creatorId}. Idempotent: when the edge exists (or a concurrent
     * request creates it first) the existing edge comes back with {@code created = false} and no
     * event is written.
     */
    @Transactional
    public FollowOutcome follow(UUID userId, UUID creatorId) {
        if (userId.equals(creatorId)) {
            throw new ApiException(ErrorCode.CANNOT_FOLLOW_SELF, "You cannot follow yourself");
        }
        if (!creators.exists(creatorId)) {
            throw new ApiException(ErrorCode.CREATOR_NOT_FOUND, "No creator with id " + creatorId);
        }
        for (int attempt = 1; attempt <= FOLLOW_ATTEMPTS; attempt++) {
            Optional<Instant> inserted = edges.insertIfAbsent(creatorId, userId);
            if (inserted.isPresent()) {
                Instant followedAt = inserted.get();
                counts.increment(creatorId, userId);
                outbox.publish(
                        FollowCreated.TOPIC,
                        creatorId.toString(),
                        new FollowCreated(creatorId.toString(), userId.toString(), followedAt));
                followsCreated.increment();
                return new FollowOutcome(new FollowEdge(creatorId, userId, followedAt), true);
            }
            Optional<Instant> existing = edges.followedAt(creatorId, userId);
            if (existing.isPresent()) {
                return new FollowOutcome(new FollowEdge(creatorId, userId, existing.get()), false);
            }
            // the edge we collided with was unfollowed before we could read it: insert again
        }
        throw new IllegalStateException("follow of " + creatorId + " by " + userId + " kept racing with unfollows");
    }

    /**
     * Makes {@code userId} stop following {@code creatorId}; nothing happens (and no event is written)
     * when there was no such edge.
     *
     * @return whether an edge was removed
     */
    @Transactional
    public boolean unfollow(UUID userId, UUID creatorId) {
        Optional<Instant> removedAt = edges.delete(creatorId, userId);
        if (removedAt.isEmpty()) {
            return false;
        }
        counts.decrement(creatorId, userId);
        outbox.publish(
                FollowDeleted.TOPIC,
                creatorId.toString(),
                new FollowDeleted(creatorId.toString(), userId.toString(), removedAt.get()));
        followsDeleted.increment();
        return true;
    }

    /** When {@code userId} started following {@code creatorId}, or empty when they do not. */
    public Optional<Instant> followedAt(UUID userId, UUID creatorId) {
        return edges.followedAt(creatorId, userId);
    }

    /**
     * The creators among {@code creatorIds} that {@code userId} follows, as edges in no particular order
     * (the controller answers them in the order asked).
     */
    public List<FollowEdge> followedAmong(UUID userId, List<UUID> creatorIds) {
        return edges.followedAmong(userId, creatorIds);
    }

    /** The sum of the creator's counter shards (0 for a creator nobody follows or we do not know). */
    public long followerCount(UUID creatorId) {
        return counts.count(creatorId);
    }
}

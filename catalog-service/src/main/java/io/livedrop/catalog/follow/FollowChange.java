package io.livedrop.catalog.follow;

import java.time.Instant;
import java.util.UUID;

/** One follow.created / follow.deleted event, reduced to what the replica needs. */
record FollowChange(UUID eventId, UUID userId, UUID creatorId, boolean following, Instant at) {

    /** Last writer wins: the later change (event time, then event id) decides an edge's state. */
    boolean isNewerThan(FollowChange other) {
        int byTime = at.compareTo(other.at);
        return byTime != 0 ? byTime > 0 : compareUnsigned(eventId, other.eventId) > 0;
    }

    /** UUIDs in the byte order PostgreSQL compares them in (unsigned), unlike {@link UUID#compareTo}. */
    static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}

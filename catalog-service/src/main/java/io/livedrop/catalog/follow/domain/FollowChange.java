package io.livedrop.catalog.follow.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One follow.created / follow.deleted event, reduced to what the replica needs. */
public record FollowChange(UUID eventId, UUID userId, UUID creatorId, boolean following, Instant at) {

    /** Last writer wins: the later change (event time, then event id) decides an edge's state. */
    public boolean isNewerThan(FollowChange other) {
        int byTime = at.compareTo(other.at);
        return byTime != 0 ? byTime > 0 : compareUnsigned(eventId, other.eventId) > 0;
    }

    /** One statement cannot change a row twice: of several changes to one edge, the newest wins. */
    public static List<FollowChange> newestPerEdge(List<FollowChange> changes) {
        Map<String, FollowChange> newest = new LinkedHashMap<>();
        for (FollowChange change : changes) {
            newest.merge(
                    change.userId() + "/" + change.creatorId(),
                    change,
                    (kept, incoming) -> incoming.isNewerThan(kept) ? incoming : kept);
        }
        return List.copyOf(newest.values());
    }

    /** UUIDs in the byte order PostgreSQL compares them in (unsigned), unlike {@link UUID#compareTo}. */
    static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}

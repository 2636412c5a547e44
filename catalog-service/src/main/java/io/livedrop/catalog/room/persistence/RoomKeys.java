package io.livedrop.catalog.room.persistence;

import java.util.List;
import java.util.UUID;

/**
 * The Redis keys of one drop's room. All carry the drop id as hash tag ({@code {dropId}}), so the
 * scripts that touch several of them also run on a Redis Cluster. Every script receives {@link
 * #all()} in this order.
 */
public record RoomKeys(
        String tickets,
        String line,
        String sequence,
        String outcomes,
        String admitted,
        String admissions,
        String state,
        String news,
        String updateGate) {

    public static RoomKeys of(String keyPrefix, UUID dropId) {
        String base = keyPrefix + "catalog:room:{" + dropId + "}:";
        return new RoomKeys(
                base + "tickets", // hash user → "ticketId|joinedAtMillis", one per user: the join is idempotent
                base + "line", // zset of waiting users: hidden random rank before the start, then arrival
                base + "seq", // arrival counter of joiners after the start
                base + "outcomes", // hash user → "a|expiresAtMillis" (admitted) or "x" (token expired unused)
                base + "admitted", // zset user → token expiry: the admitted ones holding a slot
                base + "admissions", // zset of admission batches "millis:count:nonce" for the rate
                base + "state", // hash: drawn, closed (sold_out|expired), admittedTotal, announcedTotal
                base + "news", // list "a|user|expiresAtMillis" / "x|user" not yet announced on queue.updated
                base + "update-gate"); // SET NX PX: one queue.updated round per interval
    }

    public List<String> all() {
        return List.of(tickets, line, sequence, outcomes, admitted, admissions, state, news);
    }
}

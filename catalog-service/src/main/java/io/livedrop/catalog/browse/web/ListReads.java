package io.livedrop.catalog.browse.web;

import io.livedrop.common.ids.Ids;
import io.livedrop.common.replica.ReadReplica;
import io.livedrop.common.security.CurrentUser;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Where the catalog's lists and batch reads read. They may lag (other people's changes, shown a moment
 * later: lists and batches are publicly cacheable for seconds anyway), so they come from the read
 * replica when there is one — except a creator's own lists ({@code creatorId} = the caller), which the
 * console reads right after creating or editing a product or drop (read-your-writes): the primary.
 *
 * <p>The read cache ({@code GET /api/{creators,products,drops}/{id}}) never loads from the replica:
 * an eviction after a commit followed by a reload from a replica that has not replayed the commit yet
 * would put the old value back for the cache's whole TTL.
 */
public final class ListReads {

    private ListReads() {}

    /** A list filtered by {@code creatorId} (null: not filtered). */
    public static <T> T list(UUID creatorId, Supplier<T> read) {
        return creatorId != null && creatorId.equals(callerId().orElse(null)) ? read.get() : ReadReplica.read(read);
    }

    /** A read that is nobody's own (a batch of public items). */
    public static <T> T shared(Supplier<T> read) {
        return ReadReplica.read(read);
    }

    private static Optional<UUID> callerId() {
        return CurrentUser.find().flatMap(user -> Ids.parse(user.id()));
    }
}

package io.livedrop.follower.follow.application;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.pagination.CursorCodec;
import io.livedrop.common.pagination.Page;
import io.livedrop.common.replica.ReplicaRead;
import io.livedrop.follower.follow.domain.FollowEdge;
import io.livedrop.follower.follow.domain.PagePosition;
import io.livedrop.follower.follow.persistence.FollowEdgeRepository;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Followers and following pages, newest first, with keyset cursors: a cursor holds the
 * {@code (followed_at, id)} of the last edge served and the next page starts strictly after it, so a
 * page costs one index range read wherever it is in the list, and follows created meanwhile (which
 * are newer than everything already served) never shift an item into or out of a later page.
 *
 * <p>Read replica: a creator's followers pages tolerate lag (other users' follows, shown a moment
 * later) and are read from the replica when there is one. A following page is always the caller's own
 * list, which {@code POST /api/follows} promises to show at once (read-your-writes): it stays on the
 * primary. A "primary for a few seconds after the caller wrote" rule would need a record of recent
 * writers that every instance sees; the following list is small (one user's follows) next to a
 * celebrity's followers, so the primary keeps it.
 */
@Service
public class FollowPageService {

    private final FollowEdgeRepository edges;
    private final CursorCodec cursors;

    public FollowPageService(FollowEdgeRepository edges, CursorCodec cursors) {
        this.edges = edges;
        this.cursors = cursors;
    }

    @ReplicaRead
    public Page<FollowEdge> followersOf(UUID creatorId, int limit, String cursor) {
        String scope = "followers/" + creatorId;
        Optional<PagePosition> after = decode(scope, cursor);
        List<FollowEdge> rows = edges.followers(creatorId, after, limit + 1);
        return Page.fromLookahead(rows, limit, last -> encode(scope, last.followedAt(), last.userId()));
    }

    /** Read-your-writes: the primary, see the class comment. */
    public Page<FollowEdge> followedBy(UUID userId, int limit, String cursor) {
        String scope = "following/" + userId;
        Optional<PagePosition> after = decode(scope, cursor);
        List<FollowEdge> rows = edges.following(userId, after, limit + 1);
        return Page.fromLookahead(rows, limit, last -> encode(scope, last.followedAt(), last.creatorId()));
    }

    private String encode(String scope, Instant followedAt, UUID id) {
        return cursors.encode(scope, followedAt.toString(), id.toString());
    }

    private Optional<PagePosition> decode(String scope, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = cursors.decode(scope, cursor, 2);
        try {
            UUID id = Ids.parse(values.get(1)).orElseThrow(FollowPageService::invalidCursor);
            return Optional.of(new PagePosition(Instant.parse(values.get(0)), id));
        } catch (DateTimeParseException e) {
            throw invalidCursor();
        }
    }

    private static ApiException invalidCursor() {
        return new ApiException(ErrorCode.INVALID_CURSOR, "The cursor is not valid for this list");
    }
}

package io.livedrop.notification.inbox;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.pagination.CursorCodec;
import io.livedrop.common.pagination.Page;
import io.livedrop.notification.store.NotificationIds;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/** A user's notifications: the merged list, unread count, and read / read-all for both kinds. */
@Service
class Inbox {

    private static final String CURSOR_SCOPE = "notifications";

    private final InboxQueries queries;
    private final CursorCodec cursors;
    private final Clock clock;

    Inbox(InboxQueries queries, CursorCodec cursors, Clock clock) {
        this.queries = queries;
        this.cursors = cursors;
        this.clock = clock;
    }

    record Listing(Page<InboxQueries.Row> page, long unreadCount) {}

    Listing list(String userId, int limit, String cursor) {
        long before = cursor == null ? Long.MAX_VALUE : positionOf(cursor);
        long readThrough = queries.readThrough(userId);
        List<InboxQueries.Row> rows = queries.page(userId, before, readThrough, limit + 1);
        Page<InboxQueries.Row> page = Page.fromLookahead(
                rows, limit, last -> cursors.encode(CURSOR_SCOPE, NotificationIds.format(last.id())));
        return new Listing(page, queries.unreadCount(userId, readThrough));
    }

    /** Someone else's notification, one the user is not entitled to, or no such id: 404. */
    void read(String userId, String notificationId) {
        long id = NotificationIds.parse(notificationId).orElseThrow(Inbox::notFound);
        if (!queries.markInboxRead(userId, id, clock.instant())
                && !queries.markBroadcastRead(userId, id, clock.instant())) {
            throw notFound();
        }
    }

    void readAll(String userId) {
        queries.readAll(userId, clock.instant());
    }

    private long positionOf(String cursor) {
        OptionalLong id =
                NotificationIds.parse(cursors.decode(CURSOR_SCOPE, cursor, 1).getFirst());
        if (id.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_CURSOR, "The cursor is not valid for this list");
        }
        return id.getAsLong();
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.NOTIFICATION_NOT_FOUND, "No such notification");
    }
}

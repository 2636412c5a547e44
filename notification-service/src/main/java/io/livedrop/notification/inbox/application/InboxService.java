package io.livedrop.notification.inbox.application;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.pagination.CursorCodec;
import io.livedrop.common.pagination.Page;
import io.livedrop.common.replica.ReadReplica;
import io.livedrop.common.replica.ReadReplicaProperties;
import io.livedrop.notification.inbox.domain.InboxEntry;
import io.livedrop.notification.inbox.domain.NotificationIds;
import io.livedrop.notification.inbox.domain.ReadMarker;
import io.livedrop.notification.inbox.persistence.InboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** A user's notifications: the merged list, unread count, and read / read-all for both kinds. */
@Service
public class InboxService {

    private static final String CURSOR_SCOPE = "notifications";

    private final InboxRepository queries;
    private final CursorCodec cursors;
    private final Clock clock;
    private final Duration writesVisibleAfter;

    InboxService(
            InboxRepository queries, CursorCodec cursors, Clock clock, ObjectProvider<ReadReplicaProperties> replica) {
        this.queries = queries;
        this.cursors = cursors;
        this.clock = clock;
        // without a replica every read is on the primary: no write is ever "too recent"
        this.writesVisibleAfter = replica.stream()
                .map(ReadReplicaProperties::writesVisibleAfter)
                .findFirst()
                .orElse(Duration.ZERO);
    }

    public record Listing(Page<InboxEntry> page, long unreadCount) {}

    /**
     * A page of the user's notifications and their unread count. Both may come from the read replica
     * (new notifications may show a moment later), except right after the user changed their read
     * state: the client lists again at once and must see it (read-your-writes), so for
     * {@code writesVisibleAfter} the primary answers. The marker that tells is read on the primary.
     */
    public Listing list(String userId, int limit, String cursor) {
        long before = cursor == null ? Long.MAX_VALUE : positionOf(cursor);
        ReadMarker marker = queries.marker(userId, writesVisibleAfter);
        Supplier<Listing> read = () -> {
            List<InboxEntry> rows = queries.page(userId, before, marker.readThrough(), limit + 1);
            Page<InboxEntry> page = Page.fromLookahead(
                    rows, limit, last -> cursors.encode(CURSOR_SCOPE, NotificationIds.format(last.id())));
            return new Listing(page, queries.unreadCount(userId, marker.readThrough()));
        };
        return marker.wroteRecently() ? read.get() : ReadReplica.read(read);
    }

    /** Someone else's notification, one the user is not entitled to, or no such id: 404. */
    public void read(String userId, String notificationId) {
        long id = NotificationIds.parse(notificationId).orElseThrow(InboxService::notFound);
        if (!queries.markInboxRead(userId, id, clock.instant())
                && !queries.markBroadcastRead(userId, id, clock.instant())) {
            throw notFound();
        }
        queries.noteWrite(userId, clock.instant());
    }

    /** Moves the watermark and notes the write in one statement. */
    public void readAll(String userId) {
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

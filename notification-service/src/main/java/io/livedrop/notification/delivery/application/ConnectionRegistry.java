package io.livedrop.notification.delivery.application;

import io.livedrop.common.ids.Ids;
import io.livedrop.notification.delivery.domain.CloseReason;
import io.livedrop.notification.delivery.domain.Frame;
import io.livedrop.notification.delivery.domain.LiveFrame;
import io.livedrop.notification.follow.domain.FollowChange;
import io.livedrop.notification.inbox.domain.Audience;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/**
 * The connections this instance holds, indexed by channel: a user's personal channel and each
 * creator's broadcast channel. A creator's event costs one map lookup plus one queue append per
 * follower connected HERE — never a scan of all followers or of all connections.
 *
 * <p>A user has at most {@code NOTIFICATION_MAX_STREAMS_PER_USER} connections here: registering one
 * more closes the user's oldest ({@link CloseReason#REPLACED}). The newest wins because it is the one
 * the user is looking at; the oldest is most likely a forgotten tab or a connection whose network
 * died and whose pong timeout has not run out yet — refusing the newest would lock a reconnecting
 * client out until then.
 */
@Component
public class ConnectionRegistry {

    private final ConcurrentHashMap<String, Set<RealtimeConnection>> byUser = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<RealtimeConnection>> byCreator = new ConcurrentHashMap<>();
    private final Set<RealtimeConnection> all = ConcurrentHashMap.newKeySet();
    private final RealtimeMetrics metrics;
    private final int maxStreamsPerUser;

    ConnectionRegistry(RealtimeMetrics metrics, RealtimeProperties settings) {
        this.metrics = metrics;
        this.maxStreamsPerUser = settings.maxStreamsPerUser();
    }

    /**
     * Registers the connection on its user's channel; a connection closed meanwhile is removed again.
     * If the user then has more connections than allowed, the oldest are closed (atomically per user:
     * concurrent registrations of one user cannot both stay).
     */
    void add(RealtimeConnection connection) {
        connection.onClosed(this::remove);
        if (all.add(connection)) {
            metrics.opened(connection.transport());
        }
        List<RealtimeConnection> replaced = new ArrayList<>();
        byUser.compute(connection.userId(), (user, connections) -> {
            Set<RealtimeConnection> set = connections != null ? connections : ConcurrentHashMap.newKeySet();
            set.add(connection);
            int excess = set.size() - maxStreamsPerUser;
            if (excess > 0) {
                set.stream()
                        .sorted(Comparator.comparingLong(RealtimeConnection::openedSequence))
                        .limit(excess)
                        .forEach(replaced::add);
                replaced.forEach(set::remove);
            }
            return set;
        });
        // closed outside compute: closing removes the connection from this same map entry
        replaced.forEach(oldest -> oldest.close(CloseReason.REPLACED));
        if (connection.isClosed()) {
            remove(connection);
        }
    }

    /** Idempotent: every index is cleaned whatever the order of add and close. */
    void remove(RealtimeConnection connection) {
        boolean wasOpen = all.remove(connection);
        byUser.computeIfPresent(connection.userId(), removing(connection));
        connection.followLock.lock();
        try {
            for (String creatorId : connection.followedCreators()) {
                byCreator.computeIfPresent(creatorId, removing(connection));
            }
            connection.visibleFromByCreator.clear();
        } finally {
            connection.followLock.unlock();
        }
        if (wasOpen) {
            metrics.closed(connection.transport());
        }
    }

    /**
     * Subscribes a connection to a creator's channel or unsubscribes it, last writer wins by the time
     * of the change: the follows loaded at connect and the live follow events can arrive in any order.
     */
    void applyFollow(
            RealtimeConnection connection, String creatorId, boolean following, Instant changedAt, long visibleFromId) {
        connection.followLock.lock();
        try {
            if (connection.isClosed()) {
                return;
            }
            Instant last = connection.followChangedAt.get(creatorId);
            if (last != null && !changedAt.isAfter(last)) {
                return;
            }
            connection.followChangedAt.put(creatorId, changedAt);
            if (following) {
                connection.visibleFromByCreator.putIfAbsent(creatorId, visibleFromId);
                byCreator.compute(creatorId, adding(connection));
            } else if (connection.visibleFromByCreator.remove(creatorId) != null) {
                byCreator.computeIfPresent(creatorId, removing(connection));
            }
        } finally {
            connection.followLock.unlock();
        }
    }

    /** A follow.created / follow.deleted: affects only the user's connections open on this instance. */
    public void applyFollowChange(FollowChange change) {
        Set<RealtimeConnection> connections = byUser.get(change.userId());
        if (connections == null) {
            return;
        }
        for (RealtimeConnection connection : connections) {
            applyFollow(connection, change.creatorId(), change.following(), change.at(), change.visibleFromId());
        }
    }

    /** Whether any connection here listens on the channel (if not, the frame need not be built). */
    boolean hasListeners(Audience audience, String recipient) {
        return (audience == Audience.PERSONAL ? byUser : byCreator).containsKey(recipient);
    }

    /** Hands a committed notification to the connections of its channel. Never blocks. */
    void dispatch(Frame frame) {
        if (frame.audience() == Audience.PERSONAL) {
            Set<RealtimeConnection> connections = byUser.get(frame.recipient());
            if (connections != null) {
                connections.forEach(connection -> connection.offerLive(frame));
            }
            return;
        }
        Set<RealtimeConnection> followers = byCreator.get(frame.recipient());
        if (followers == null) {
            return;
        }
        for (RealtimeConnection connection : followers) {
            Long visibleFrom = connection.visibleFrom(frame.recipient());
            if (visibleFrom != null && frame.id() >= visibleFrom) {
                connection.offerLive(frame);
            }
        }
    }

    /**
     * Pushes a live-only frame to the user's connections on this instance, past the notification log
     * and the tailer (nothing is stored, so there is nothing to order it against). Never blocks.
     *
     * @return the connections it was handed to (0 if the user has none here)
     */
    public int pushLiveOnly(String userId, LiveFrame frame) {
        Set<RealtimeConnection> connections = byUser.get(userId);
        if (connections == null) {
            return 0;
        }
        UUID unique = Ids.newId();
        int handed = 0;
        for (RealtimeConnection connection : connections) {
            connection.offerLiveOnly(frame, unique);
            handed++;
        }
        return handed;
    }

    public List<RealtimeConnection> all() {
        return List.copyOf(all);
    }

    /** The user's connections on this instance. */
    public int connectionsOf(String userId) {
        Set<RealtimeConnection> connections = byUser.get(userId);
        return connections == null ? 0 : connections.size();
    }

    /** Connections subscribed to a creator's channel on this instance. */
    public int subscribers(String creatorId) {
        Set<RealtimeConnection> followers = byCreator.get(creatorId);
        return followers == null ? 0 : followers.size();
    }

    private static BiFunction<String, Set<RealtimeConnection>, Set<RealtimeConnection>> adding(
            RealtimeConnection connection) {
        return (key, connections) -> {
            Set<RealtimeConnection> set = connections != null ? connections : ConcurrentHashMap.newKeySet();
            set.add(connection);
            return set;
        };
    }

    private static BiFunction<String, Set<RealtimeConnection>, Set<RealtimeConnection>> removing(
            RealtimeConnection connection) {
        return (key, connections) -> {
            connections.remove(connection);
            return connections.isEmpty() ? null : connections;
        };
    }
}

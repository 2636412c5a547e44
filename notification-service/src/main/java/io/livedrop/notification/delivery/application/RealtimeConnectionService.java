package io.livedrop.notification.delivery.application;

import io.livedrop.notification.delivery.domain.CloseReason;
import io.livedrop.notification.follow.persistence.FollowEdgeRepository;
import io.livedrop.notification.inbox.domain.StoredNotification;
import io.livedrop.notification.inbox.persistence.NotificationRepository;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates connections and opens them: subscribe, replay what the client missed, go live.
 *
 * <p>Why there is no gap and no duplicate: the connection is registered (and so receives every
 * frame the tailer dispatches from then on, held aside while replaying) BEFORE the replay queries
 * run. A notification dispatched before the registration was committed before it, so the replay
 * (which reads after it, with commit-ordered ids) finds it; one dispatched later is held and
 * appended after the replay unless the replay already sent it (ids only move forward). A fresh
 * connection without a lastEventId starts at the tailer's position when it connected (the last id
 * dispatched) the same way, so nothing dispatched while it was being set up is lost.
 */
@Component
public class RealtimeConnectionService {

    private static final Logger log = LoggerFactory.getLogger(RealtimeConnectionService.class);

    private final ConnectionRegistry registry;
    private final FollowEdgeRepository follows;
    private final NotificationRepository notifications;
    private final Frames frames;
    private final RealtimeMetrics metrics;
    private final RealtimeThreads threads;
    private final RealtimeProperties settings;
    private final SetupQueries setups;
    private final NotificationTailer tailer;

    RealtimeConnectionService(
            ConnectionRegistry registry,
            FollowEdgeRepository follows,
            NotificationRepository notifications,
            Frames frames,
            RealtimeMetrics metrics,
            RealtimeThreads threads,
            NotificationTailer tailer,
            RealtimeProperties settings) {
        this.registry = registry;
        this.follows = follows;
        this.notifications = notifications;
        this.frames = frames;
        this.metrics = metrics;
        this.threads = threads;
        this.tailer = tailer;
        this.settings = settings;
        this.setups = new SetupQueries(settings.maxConcurrentSetups(), settings.setupPatience());
    }

    /**
     * Builds a transport's connection (the web layer knows the transport, this service the limits
     * and the writer threads every connection runs with).
     */
    @FunctionalInterface
    public interface ConnectionFactory {
        RealtimeConnection create(RealtimeConnection.Limits limits, RealtimeMetrics metrics, Executor writers);
    }

    /** A WebSocket: pinged, and closed when it answers no ping for the pong timeout. */
    public RealtimeConnection webSocket(ConnectionFactory factory) {
        var limits = new RealtimeConnection.Limits(
                settings.maxQueuedFrames(), settings.sendTimeLimit(), settings.pingInterval(), settings.pongTimeout());
        return factory.create(limits, metrics, threads.executor());
    }

    /** An SSE stream: heartbeat comments, no pongs to wait for. */
    public RealtimeConnection sse(ConnectionFactory factory) {
        var limits = new RealtimeConnection.Limits(
                settings.maxQueuedFrames(), settings.sendTimeLimit(), settings.sseHeartbeat(), Duration.ZERO);
        return factory.create(limits, metrics, threads.executor());
    }

    /**
     * Sets the connection up on a virtual thread; the caller (a handshake) returns at once. The start
     * of a fresh connection is the tailer's position now, taken before any wait: whatever is
     * dispatched while the set-up waits for its queries is covered by the replay. Set-up queries
     * take turns ({@link SetupQueries}); a set-up that cannot finish because the database stays busy
     * closes the connection as "try again later" (1013), anything else as a server error (1011).
     */
    public void open(RealtimeConnection connection, OptionalLong lastEventId) {
        long after = lastEventId.isPresent() ? lastEventId.getAsLong() : tailer.position();
        threads.executor().execute(() -> {
            SetupQueries.Setup setup = setups.begin();
            try {
                connection.resumeAfter(after);
                registry.add(connection);
                if (connection.isClosed()) {
                    return;
                }
                for (var followed : setup.query(() -> follows.followedBy(connection.userId()))) {
                    registry.applyFollow(
                            connection, followed.creatorId(), true, followed.changedAt(), followed.visibleFromId());
                }
                if (replay(connection, after, setup)) {
                    connection.replayDone();
                }
            } catch (SetupQueries.SetupBusyException busy) {
                log.info("A {} connection could not be set up in time: {}", connection.transport(), busy.getMessage());
                metrics.setupBusy();
                connection.close(CloseReason.BUSY);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                connection.close(CloseReason.SERVER_ERROR);
            } catch (RuntimeException failed) {
                log.warn("Could not open a {} connection: {}", connection.transport(), failed.toString());
                connection.close(CloseReason.SERVER_ERROR);
            }
        });
    }

    /** @return false if the connection closed during the replay */
    private boolean replay(RealtimeConnection connection, long after, SetupQueries.Setup setup)
            throws InterruptedException, SetupQueries.SetupBusyException {
        long position = after;
        while (true) {
            if (connection.isClosed()) {
                return false;
            }
            long from = position;
            List<StoredNotification> page =
                    setup.query(() -> notifications.replayFor(connection.userId(), from, settings.replayPageSize()));
            for (StoredNotification notification : page) {
                if (!connection.offerReplayed(frames.of(notification))) {
                    return false;
                }
                position = notification.id();
            }
            if (page.size() < settings.replayPageSize()) {
                return true;
            }
        }
    }
}

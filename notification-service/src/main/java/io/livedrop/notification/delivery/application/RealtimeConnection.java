package io.livedrop.notification.delivery.application;

import io.livedrop.notification.delivery.domain.CloseReason;
import io.livedrop.notification.delivery.domain.Frame;
import io.livedrop.notification.delivery.domain.LiveFrame;
import io.livedrop.notification.delivery.domain.LiveFrameIds;
import io.livedrop.notification.delivery.domain.Transport;
import io.livedrop.notification.inbox.domain.NotificationIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One open stream of one user (a WebSocket session or an SSE response) with its own bounded queue
 * and its own writer.
 *
 * <p>Nobody but the writer ever touches the socket for frames: the tailer only appends to the queue
 * ({@link #offerLive}, never blocking), and the writer, a virtual thread started when there is
 * something to send, drains it. A client that reads slowly therefore only slows its own writer;
 * once its queue is full, or one write has been blocked longer than the send time limit, the
 * connection is closed and the client resumes later from its last id.
 *
 * <p>Ordering: frames leave in increasing id order and a frame whose id is not above the last one
 * queued is dropped, which is how replayed and live frames meet without duplicates. While a
 * connection replays (from its {@code lastEventId}, or from "now" for a fresh one), live frames are
 * held aside and appended after the replay, minus those the replay already covered.
 *
 * <p>Live-only frames ({@link LiveFrame}, e.g. a waiting-room position) stand outside that order:
 * they are queued at once, even during a replay (they are about "now" and are in no log, so there
 * is nothing to meet them), and their id names the last stored notification queued before them, so
 * that a client resuming with it misses nothing ({@link LiveFrameIds}).
 *
 * <p>A connection ends with the realtime token that opened it: at its {@code exp} it is closed
 * ({@link CloseReason#TOKEN_EXPIRED}) and the client reconnects with a fresh token and its last id.
 */
public abstract class RealtimeConnection {

    /**
     * @param maxQueuedFrames the most frames that may wait (also the most held during a replay)
     * @param sendTimeLimit the longest one write may block
     * @param heartbeatInterval how often a ping (WebSocket) or comment (SSE) goes out
     * @param pongTimeout silence after which a WebSocket counts as dead; zero disables (SSE)
     */
    public record Limits(
            int maxQueuedFrames, Duration sendTimeLimit, Duration heartbeatInterval, Duration pongTimeout) {}

    private sealed interface Outbound {}

    private record Notification(Frame frame, boolean live) implements Outbound {}

    private record LiveOnly(LiveFrame frame, String id) implements Outbound {}

    private record Heartbeat() implements Outbound {}

    private static final Heartbeat HEARTBEAT = new Heartbeat();
    private static final AtomicLong OPENED = new AtomicLong();

    private final String userId;
    private final Instant expiresAt;
    /** Order of opening on this instance: the smallest of a user's connections is the oldest. */
    private final long openedSequence = OPENED.incrementAndGet();

    private final Transport transport;
    private final Limits limits;
    private final RealtimeMetrics metrics;
    private final Executor writers;
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomInQueue = lock.newCondition();
    private final ArrayDeque<Outbound> queue = new ArrayDeque<>();
    private List<Frame> heldDuringReplay = new ArrayList<>();
    private long lastQueuedId;
    private boolean writing;
    private boolean heartbeatQueued;
    private volatile boolean closed;
    private volatile Consumer<RealtimeConnection> onClosed = connection -> {};

    private volatile long writeStartedNanos;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile long nextHeartbeatNanos;

    /** Subscriptions: guarded by {@link #followLock}, read without it by the dispatcher. */
    final ReentrantLock followLock = new ReentrantLock();

    final Map<String, Instant> followChangedAt = new HashMap<>();
    final Map<String, Long> visibleFromByCreator = new ConcurrentHashMap<>();

    /** @param expiresAt the realtime token's {@code exp}: the connection is closed then */
    protected RealtimeConnection(
            String userId,
            Instant expiresAt,
            Transport transport,
            Limits limits,
            RealtimeMetrics metrics,
            Executor writers) {
        this.userId = userId;
        this.expiresAt = expiresAt;
        this.transport = transport;
        this.limits = limits;
        this.metrics = metrics;
        this.writers = writers;
        this.nextHeartbeatNanos = System.nanoTime() + limits.heartbeatInterval().toNanos();
    }

    public String userId() {
        return userId;
    }

    public Transport transport() {
        return transport;
    }

    /** When the token that opened this connection expires, and with it the connection. */
    public Instant expiresAt() {
        return expiresAt;
    }

    long openedSequence() {
        return openedSequence;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Completes when the transport has been told to close (after {@link #close}). */
    CompletableFuture<Void> terminated() {
        return terminated;
    }

    void onClosed(Consumer<RealtimeConnection> callback) {
        this.onClosed = callback;
    }

    /** The first notification id this connection sees from {@code creatorId}, or null if it does not follow them. */
    Long visibleFrom(String creatorId) {
        return visibleFromByCreator.get(creatorId);
    }

    Set<String> followedCreators() {
        return Set.copyOf(visibleFromByCreator.keySet());
    }

    /** Where the stream starts: frames up to this id are never sent. Called before registration. */
    void resumeAfter(long lastEventId) {
        lock.lock();
        try {
            lastQueuedId = lastEventId;
        } finally {
            lock.unlock();
        }
    }

    /** A live frame from the tailer: queued (or held during a replay), never waits. */
    public void offerLive(Frame frame) {
        boolean fellBehind = false;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (heldDuringReplay != null) {
                fellBehind = heldDuringReplay.size() >= limits.maxQueuedFrames();
                if (!fellBehind) {
                    heldDuringReplay.add(frame);
                }
            } else if (frame.id() > lastQueuedId) {
                fellBehind = queuedFrames() >= limits.maxQueuedFrames();
                if (!fellBehind) {
                    enqueue(frame, true);
                }
            }
        } finally {
            lock.unlock();
        }
        if (fellBehind) {
            close(CloseReason.FELL_BEHIND);
        }
    }

    /**
     * A live-only frame: queued at once whether or not a replay runs, never waits; a connection whose
     * queue is full is closed as fallen behind, like for any live frame.
     *
     * @param unique makes the frame's id unique; the connection adds its resume position
     */
    public void offerLiveOnly(LiveFrame frame, UUID unique) {
        boolean fellBehind = false;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            fellBehind = queuedFrames() >= limits.maxQueuedFrames();
            if (!fellBehind) {
                // lastQueuedId: every stored frame up to it is ahead of this one in the queue, or was
                // not for this connection; a resume after it therefore loses and repeats nothing
                queue.add(new LiveOnly(frame, LiveFrameIds.format(lastQueuedId, unique)));
                startWriterIfIdle();
            }
        } finally {
            lock.unlock();
        }
        if (fellBehind) {
            close(CloseReason.FELL_BEHIND);
        }
    }

    /**
     * A replayed frame: waits while the queue is full (the replay goes at the client's pace), up to
     * the send time limit.
     *
     * @return false when the connection is closed and the replay should stop
     */
    boolean offerReplayed(Frame frame) throws InterruptedException {
        lock.lock();
        try {
            long waitNanos = limits.sendTimeLimit().toNanos();
            while (!closed && queuedFrames() >= limits.maxQueuedFrames() && waitNanos > 0) {
                waitNanos = roomInQueue.awaitNanos(waitNanos);
            }
            if (closed) {
                return false;
            }
            if (queuedFrames() < limits.maxQueuedFrames()) {
                if (frame.id() > lastQueuedId) {
                    enqueue(frame, false);
                }
                return true;
            }
        } finally {
            lock.unlock();
        }
        close(CloseReason.FELL_BEHIND);
        return false;
    }

    /** The replay is complete: the live frames held meanwhile follow, minus those already replayed. */
    void replayDone() {
        boolean fellBehind = false;
        lock.lock();
        try {
            if (closed || heldDuringReplay == null) {
                return;
            }
            for (Frame frame : heldDuringReplay) {
                if (frame.id() <= lastQueuedId) {
                    continue;
                }
                if (queuedFrames() >= limits.maxQueuedFrames()) {
                    fellBehind = true;
                    break;
                }
                enqueue(frame, true);
            }
            heldDuringReplay = null;
        } finally {
            lock.unlock();
        }
        if (fellBehind) {
            close(CloseReason.FELL_BEHIND);
        }
    }

    /** Any sign of life from the client (a pong, a message). */
    public void heardFrom() {
        lastHeardNanos = System.nanoTime();
    }

    /**
     * Called about once a second: closes a connection whose token has expired, whose write is stuck
     * or that stopped answering pings, and queues a heartbeat when one is due.
     */
    void tick(long nowNanos, Instant now) {
        if (!now.isBefore(expiresAt)) {
            close(CloseReason.TOKEN_EXPIRED);
            return;
        }
        long started = writeStartedNanos;
        if (started != 0 && nowNanos - started > limits.sendTimeLimit().toNanos()) {
            close(CloseReason.FELL_BEHIND);
            return;
        }
        if (!limits.pongTimeout().isZero()
                && nowNanos - lastHeardNanos > limits.pongTimeout().toNanos()) {
            close(CloseReason.UNRESPONSIVE);
            return;
        }
        if (nowNanos - nextHeartbeatNanos >= 0) {
            nextHeartbeatNanos = nowNanos + limits.heartbeatInterval().toNanos();
            lock.lock();
            try {
                if (!closed && !heartbeatQueued) {
                    heartbeatQueued = true;
                    queue.add(HEARTBEAT);
                    startWriterIfIdle();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Ends the connection (once): stops delivery at once, then closes the transport on a writer thread. */
    public void close(CloseReason reason) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            heldDuringReplay = null;
            roomInQueue.signalAll();
        } finally {
            lock.unlock();
        }
        if (reason == CloseReason.FELL_BEHIND || reason == CloseReason.UNRESPONSIVE) {
            metrics.dropped(transport, reason);
        } else if (reason == CloseReason.TOKEN_EXPIRED || reason == CloseReason.REPLACED) {
            metrics.ended(transport, reason);
        }
        onClosed.accept(this);
        Runnable terminate = () -> {
            try {
                terminate(reason);
            } finally {
                terminated.complete(null);
            }
        };
        try {
            writers.execute(terminate);
        } catch (RejectedExecutionException shuttingDown) {
            terminate.run();
        }
    }

    /**
     * Writes one frame; may block while the client is slow.
     *
     * @param id the frame's id (SSE sends it as {@code id:} too)
     * @param json the frame {@code {id, type, createdAt, data}}
     */
    protected abstract void writeFrame(String id, String json) throws Exception;

    /** Writes a ping (WebSocket) or a comment line (SSE). */
    protected abstract void writeHeartbeat() throws Exception;

    /** Closes the transport, telling the client why where the transport can; best effort. */
    protected abstract void terminate(CloseReason reason);

    /** Why a failed write ends the connection. */
    protected CloseReason reasonFor(Exception writeFailure) {
        return CloseReason.GONE;
    }

    private int queuedFrames() {
        return heartbeatQueued ? queue.size() - 1 : queue.size();
    }

    private void enqueue(Frame frame, boolean live) {
        lastQueuedId = frame.id();
        queue.add(new Notification(frame, live));
        startWriterIfIdle();
    }

    private void startWriterIfIdle() {
        if (writing || queue.isEmpty()) {
            return;
        }
        writing = true;
        try {
            writers.execute(this::writeQueued);
        } catch (RejectedExecutionException shuttingDown) {
            writing = false;
        }
    }

    private void writeQueued() {
        while (true) {
            Outbound next;
            lock.lock();
            try {
                next = closed ? null : queue.poll();
                if (next == null) {
                    writing = false;
                    return;
                }
                if (next instanceof Heartbeat) {
                    heartbeatQueued = false;
                }
                roomInQueue.signalAll();
            } finally {
                lock.unlock();
            }
            writeStartedNanos = System.nanoTime() | 1;
            try {
                switch (next) {
                    case Notification notification -> {
                        writeFrame(
                                NotificationIds.format(notification.frame().id()),
                                notification.frame().json());
                        if (notification.live()) {
                            metrics.delivered(transport, notification.frame().eventTime());
                        } else {
                            metrics.replayed();
                        }
                    }
                    case LiveOnly liveOnly -> {
                        writeFrame(liveOnly.id(), liveOnly.frame().json(liveOnly.id()));
                        metrics.liveFrameSent(transport, liveOnly.frame().type());
                    }
                    case Heartbeat heartbeat -> writeHeartbeat();
                }
            } catch (Exception writeFailed) {
                writeStartedNanos = 0;
                close(reasonFor(writeFailed));
                return;
            }
            writeStartedNanos = 0;
        }
    }
}

package io.livedrop.notification.queue.application;

import io.livedrop.common.events.QueueUpdated;
import io.livedrop.common.events.QueueUpdated.TicketUpdate;
import io.livedrop.notification.delivery.application.ConnectionRegistry;
import io.livedrop.notification.delivery.application.Frames;
import io.livedrop.notification.queue.domain.PositionThrottle;
import io.livedrop.notification.queue.domain.QueueFrame;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Turns a waiting room's {@code queue.updated} into frames for the ticket holders connected to this
 * instance: {@code queue.admitted} for an admitted ticket, {@code queue.position} otherwise, the
 * ticket as {@code data}, the event's time as {@code createdAt}.
 *
 * <p>Live-only: nothing is stored, so the frames are not in the inbox, not unread and not replayed;
 * a reconnecting client asks {@code GET /api/drops/{id}/queue/me}. They go straight to the user's
 * connections ({@link ConnectionRegistry#pushLiveOnly}), past the notification log and its tailer.
 *
 * <p>Positions are throttled per ticket ({@link PositionThrottle}); an admission always goes out at
 * once. Deciding and pushing happen under one lock, so a position held by the throttle can never be
 * pushed after the admission of the same ticket.
 *
 * <p>The held positions go out from a thread of its own every tenth of the interval (the throttle's
 * release, part of delivering frames), not from {@code @Scheduled}: Spring runs every fixed-delay
 * {@code @Scheduled} task on one scheduler thread, behind which a slow housekeeping purge would keep
 * positions from going out when their interval is over (API.md: at most once a second, never stale).
 */
@Component
public class QueueFrameService implements SmartLifecycle {

    static final String POSITION = "queue.position";
    static final String ADMITTED = "queue.admitted";
    static final String ADMITTED_STATUS = "admitted";

    private static final Logger log = LoggerFactory.getLogger(QueueFrameService.class);

    private final ConnectionRegistry connections;
    private final Frames frames;
    private final PositionThrottle throttle;
    private final Duration flushInterval;
    private final ReentrantLock sending = new ReentrantLock();
    private ScheduledExecutorService flusher;

    QueueFrameService(ConnectionRegistry connections, Frames frames, QueueProperties properties, MeterRegistry meters) {
        this.connections = connections;
        this.frames = frames;
        Counter superseded = Counter.builder("livedrop.notification.queue.positions.superseded")
                .description("queue.position frames held by the per-ticket throttle and replaced by a newer one")
                .register(meters);
        Duration interval = properties.positionInterval();
        this.throttle = new PositionThrottle(interval.toNanos(), superseded::increment);
        // a held position waits at most a tenth of the interval longer than it has to
        this.flushInterval = max(interval.dividedBy(10), Duration.ofMillis(20));
    }

    /** @param eventTime the event's time: the frames' {@code createdAt} */
    public void deliver(QueueUpdated event, Instant eventTime) {
        if (event.tickets() == null) {
            return;
        }
        long now = System.nanoTime();
        for (TicketUpdate update : event.tickets()) {
            if (update == null || update.userId() == null || update.ticket() == null) {
                log.debug("Skipping an incomplete ticket update of drop {}", event.dropId());
                continue;
            }
            if (connections.connectionsOf(update.userId()) == 0) {
                continue; // the holder is not connected here: nothing to build, nothing to remember
            }
            boolean admitted = ADMITTED_STATUS.equals(update.ticket().status());
            var frame = new QueueFrame(
                    update.userId(),
                    ticketKey(update),
                    frames.live(admitted ? ADMITTED : POSITION, eventTime, update.ticket()));
            sending.lock();
            try {
                if (admitted) {
                    throttle.forget(frame.ticketId());
                    push(frame);
                } else if (throttle.pass(frame, now)) {
                    push(frame);
                }
            } finally {
                sending.unlock();
            }
        }
    }

    /** Sends the positions the throttle held whose interval is over. */
    void flushHeld() {
        sending.lock();
        try {
            throttle.due(System.nanoTime()).forEach(this::push);
        } catch (RuntimeException failed) {
            log.warn("Sending held queue positions failed: {}", failed.toString());
        } finally {
            sending.unlock();
        }
    }

    private void push(QueueFrame frame) {
        connections.pushLiveOnly(frame.userId(), frame.frame());
    }

    private static String ticketKey(TicketUpdate update) {
        // one ticket per user per drop (API.md): the pair stands in for a missing ticket id
        String ticketId = update.ticket().ticketId();
        return ticketId != null ? ticketId : update.ticket().dropId() + "/" + update.userId();
    }

    @Override
    public void start() {
        flusher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("queue-position-flusher").daemon().factory());
        long period = flushInterval.toMillis();
        flusher.scheduleWithFixedDelay(this::flushHeld, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
            flusher = null;
        }
    }

    @Override
    public boolean isRunning() {
        return flusher != null;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

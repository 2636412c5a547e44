package io.livedrop.catalog.room;

import io.livedrop.catalog.room.RoomDrops.RoomDrop;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every {@code admissionInterval}, for each room whose drop has started: admits the next in line into
 * the free slots (at most {@code activeShoppers} admitted buyers hold an unused, valid token), and
 * announces what changed. Closes a room once its drop sold out or ended. Any number of instances may
 * run it: each step is an atomic script, and closing a room is a set-if-absent.
 *
 * <p>The slots make the pace adaptive: one frees when its buyer's order is placed ({@code
 * order.created}) or the token expires, so buyers are admitted as fast as the order path completes
 * orders, no faster.
 */
final class AdmissionLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AdmissionLoop.class);

    private final RoomDrops drops;
    private final RoomStore store;
    private final QueueAnnouncer announcer;
    private final RoomMetrics metrics;
    private final WaitingRoomProperties properties;
    private final Clock clock;
    /** Rooms this instance saw closed: not asked again while they stay in the query's window. */
    private final Set<UUID> closed = new HashSet<>();

    private volatile boolean running;
    private Thread worker;

    AdmissionLoop(
            RoomDrops drops,
            RoomStore store,
            QueueAnnouncer announcer,
            RoomMetrics metrics,
            WaitingRoomProperties properties,
            Clock clock) {
        this.drops = drops;
        this.store = store;
        this.announcer = announcer;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass over the started rooms. */
    void pass() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<RoomDrop> rooms = drops.startedRooms(now, now.minus(properties.retention()));
        synchronized (closed) {
            closed.retainAll(rooms.stream().map(RoomDrop::id).toList());
        }
        RoomMetrics.PassTotals totals = metrics.newPass();
        for (RoomDrop room : rooms) {
            try {
                serve(room, now, totals);
            } catch (RuntimeException e) {
                log.warn("Waiting room of drop {} not served this pass: {}", room.id(), e.getMessage());
            }
        }
        totals.publish();
    }

    private void serve(RoomDrop room, Instant now, RoomMetrics.PassTotals totals) {
        synchronized (closed) {
            if (closed.contains(room.id())) {
                return;
            }
        }
        Instant keysExpireAt = room.endsAt().plus(properties.retention());
        if (room.soldOut() || !now.isBefore(room.endsAt())) {
            // a sold-out drop is final for the room, even if held stock is released later
            String status = room.soldOut() ? TicketStatus.SOLD_OUT : TicketStatus.EXPIRED;
            if (store.close(room.id(), status, keysExpireAt)) {
                announcer.closed(room.id(), status);
            }
            synchronized (closed) {
                closed.add(room.id());
            }
            return;
        }
        // the token carries whole seconds: the room's expiry is the token's
        // to the millisecond: admissionExpiresAt - admissionTtl is the admission instant clients can reason with
        Instant tokenExpiresAt = now.plus(properties.admissionTtl());
        RoomStore.Pass pass = store.admit(room.id(), now, tokenExpiresAt, keysExpireAt);
        totals.add(
                pass,
                pass.recentAdmissions()
                        * 1000.0
                        / Math.max(1, properties.rateWindow().toMillis()));
        announcer.afterPass(room.id(), pass);
    }

    private void loop() {
        while (running) {
            try {
                pass();
            } catch (RuntimeException e) {
                log.warn("Waiting room admission pass failed, retrying: {}", e.getMessage());
            }
            try {
                Thread.sleep(properties.admissionInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (!properties.admissionEnabled() || running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("waiting-room-admission").daemon().start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            try {
                // not an interrupt: that could break a JDBC or Redis call in flight
                worker.join(properties.admissionInterval().plusSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

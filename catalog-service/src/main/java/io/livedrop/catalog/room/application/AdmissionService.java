package io.livedrop.catalog.room.application;

import io.livedrop.catalog.room.domain.RoomDrop;
import io.livedrop.catalog.room.persistence.RoomDropRepository;
import io.livedrop.catalog.room.persistence.RoomRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One admission pass ({@link AdmissionScheduler} runs one every {@code admissionInterval}): for each
 * room whose drop has started, admits the next in line into the free slots (at most {@code
 * activeShoppers} admitted buyers hold an unused, valid token), and announces what changed. Closes a
 * room once its drop sold out or ended. Any number of instances may run it: each step is an atomic
 * script, and closing a room is a set-if-absent.
 *
 * <p>The slots make the pace adaptive: one frees when its buyer's order is placed ({@code
 * order.created}) or the token expires, so buyers are admitted as fast as the order path completes
 * orders, no faster.
 */
public class AdmissionService {

    private static final Logger log = LoggerFactory.getLogger(AdmissionService.class);

    private final RoomDropRepository drops;
    private final RoomRepository store;
    private final QueueUpdateService announcer;
    private final RoomMetrics metrics;
    private final WaitingRoomProperties properties;
    private final Clock clock;
    /** Rooms this instance saw closed: not asked again while they stay in the query's window. */
    private final Set<UUID> closed = new HashSet<>();

    public AdmissionService(
            RoomDropRepository drops,
            RoomRepository store,
            QueueUpdateService announcer,
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
    public void pass() {
        // Redis scores and the admission token keep milliseconds and seconds
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
        Instant keysExpireAt = room.keysExpireAt(properties.retention());
        Optional<String> closing = room.closingStatus(now);
        if (closing.isPresent()) {
            String status = closing.get();
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
        RoomRepository.Pass pass = store.admit(room.id(), now, tokenExpiresAt, keysExpireAt);
        totals.add(pass, properties.pace().ratePerSecond(pass.recentAdmissions()));
        announcer.afterPass(room.id(), pass);
    }
}

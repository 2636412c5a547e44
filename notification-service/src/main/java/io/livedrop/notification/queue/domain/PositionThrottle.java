package io.livedrop.notification.queue.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * At most one {@code queue.position} frame per ticket per interval (API.md: at most once a second),
 * without ever leaving a holder on a stale position: a frame that comes too soon is held (a newer
 * one replaces it) and goes out by {@link #due} once the interval is over. Skipping it instead would
 * leave the client on an old position whenever the line then stops moving for that ticket
 * (catalog-service only publishes tickets whose state changed).
 *
 * <p>Remembers only tickets that got a frame within the last interval, so it stays as small as the
 * traffic of the last second. Not thread-safe: {@code QueueFrameService} serializes the calls.
 */
public final class PositionThrottle {

    private static final class Slot {
        long sentAtNanos;
        QueueFrame held;

        Slot(long sentAtNanos) {
            this.sentAtNanos = sentAtNanos;
        }
    }

    private final long intervalNanos;
    private final Runnable superseded;
    private final Map<String, Slot> byTicket = new HashMap<>();

    /** @param superseded told whenever a held frame is dropped because something newer replaced it */
    public PositionThrottle(long intervalNanos, Runnable superseded) {
        this.intervalNanos = intervalNanos;
        this.superseded = superseded;
    }

    /**
     * @return true if the frame may go out now; false if it is held (replacing an older one held)
     */
    public boolean pass(QueueFrame frame, long nowNanos) {
        Slot slot = byTicket.get(frame.ticketId());
        if (slot == null) {
            byTicket.put(frame.ticketId(), new Slot(nowNanos));
            return true;
        }
        if (nowNanos - slot.sentAtNanos >= intervalNanos) {
            slot.sentAtNanos = nowNanos;
            drop(slot); // older than the frame going out now
            return true;
        }
        drop(slot);
        slot.held = frame;
        return false;
    }

    /** The ticket was admitted: a position held for it is stale and must not follow the admission. */
    public void forget(String ticketId) {
        Slot slot = byTicket.remove(ticketId);
        if (slot != null) {
            drop(slot);
        }
    }

    /** Held frames whose interval is over (they count as sent now); forgets tickets gone quiet. */
    public List<QueueFrame> due(long nowNanos) {
        List<QueueFrame> due = new ArrayList<>();
        for (Iterator<Slot> slots = byTicket.values().iterator(); slots.hasNext(); ) {
            Slot slot = slots.next();
            if (nowNanos - slot.sentAtNanos < intervalNanos) {
                continue;
            }
            if (slot.held == null) {
                slots.remove(); // the next frame of this ticket may go out at once anyway
            } else {
                due.add(slot.held);
                slot.held = null;
                slot.sentAtNanos = nowNanos;
            }
        }
        return due;
    }

    private void drop(Slot slot) {
        if (slot.held != null) {
            slot.held = null;
            superseded.run();
        }
    }

    /** Tickets remembered (for tests). */
    int size() {
        return byTicket.size();
    }
}

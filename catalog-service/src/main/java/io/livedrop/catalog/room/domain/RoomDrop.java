package io.livedrop.catalog.room.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What the room needs to know of a drop: window, whether it has a room, and whether it sold out. */
public record RoomDrop(UUID id, Instant startsAt, Instant endsAt, boolean waitingRoom, int available) {

    public boolean soldOut() {
        return available == 0;
    }

    /** When joining the line becomes possible. */
    public Instant opensAt(Duration opensBefore) {
        return startsAt.minus(opensBefore);
    }

    /**
     * Why admission stops at {@code now} ({@link TicketStatus#SOLD_OUT}, {@link TicketStatus#EXPIRED}),
     * or empty while the room admits. A sold-out drop is final for the room, even if held stock is
     * released later.
     */
    public Optional<String> closingStatus(Instant now) {
        if (soldOut()) {
            return Optional.of(TicketStatus.SOLD_OUT);
        }
        return now.isBefore(endsAt) ? Optional.empty() : Optional.of(TicketStatus.EXPIRED);
    }

    /** The room's Redis keys live until {@code retention} after the drop ends. */
    public Instant keysExpireAt(Duration retention) {
        return endsAt.plus(retention);
    }
}

package io.livedrop.catalog.room;

import io.livedrop.catalog.drop.Drops;
import io.livedrop.catalog.room.RoomDrops.RoomDrop;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.events.QueueUpdated.Ticket;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** Joining the line of a drop and reading one's ticket. */
final class WaitingRoom {

    private final RoomDrops drops;
    private final RoomStore store;
    private final Tickets tickets;
    private final WaitingRoomProperties properties;
    private final Clock clock;

    WaitingRoom(RoomDrops drops, RoomStore store, Tickets tickets, WaitingRoomProperties properties, Clock clock) {
        this.drops = drops;
        this.store = store;
        this.tickets = tickets;
        this.properties = properties;
        this.clock = clock;
    }

    record Joined(boolean created, Ticket ticket) {}

    Joined join(UUID dropId, UUID userId) {
        RoomDrop drop = drops.find(dropId).orElseThrow(() -> Drops.notFound(dropId));
        if (!drop.waitingRoom()) {
            throw new ApiException(ErrorCode.NO_WAITING_ROOM, "Drop " + dropId + " has no waiting room");
        }
        Instant now = now();
        Instant opensAt = drop.startsAt().minus(properties.opensBefore());
        if (now.isBefore(opensAt)) {
            throw new ApiException(ErrorCode.QUEUE_NOT_OPEN, "The waiting room opens at " + opensAt);
        }
        if (!now.isBefore(drop.endsAt())) {
            throw new ApiException(ErrorCode.QUEUE_NOT_OPEN, "The drop has ended");
        }
        RoomStore.Joined joined = store.join(
                dropId,
                userId,
                now,
                now.isBefore(drop.startsAt()),
                drop.endsAt().plus(properties.retention()));
        return new Joined(joined.created(), tickets.of(dropId.toString(), userId.toString(), joined.ticket(), now));
    }

    Optional<Ticket> ticketOf(UUID dropId, UUID userId) {
        Instant now = now();
        return store.read(dropId, userId, now)
                .map(stored -> tickets.of(dropId.toString(), userId.toString(), stored, now));
    }

    /** Redis scores and the admission token keep milliseconds and seconds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

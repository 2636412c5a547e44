package io.livedrop.catalog.room.application;

import io.livedrop.catalog.drop.application.DropService;
import io.livedrop.catalog.room.domain.RoomDrop;
import io.livedrop.catalog.room.persistence.RoomDropRepository;
import io.livedrop.catalog.room.persistence.RoomRepository;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.events.QueueUpdated.Ticket;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** Joining the line of a drop and reading one's ticket. */
public class WaitingRoomService {

    private final RoomDropRepository drops;
    private final RoomRepository store;
    private final TicketService tickets;
    private final WaitingRoomProperties properties;
    private final Clock clock;

    public WaitingRoomService(
            RoomDropRepository drops,
            RoomRepository store,
            TicketService tickets,
            WaitingRoomProperties properties,
            Clock clock) {
        this.drops = drops;
        this.store = store;
        this.tickets = tickets;
        this.properties = properties;
        this.clock = clock;
    }

    public record Joined(boolean created, Ticket ticket) {}

    public Joined join(UUID dropId, UUID userId) {
        RoomDrop drop = drops.find(dropId).orElseThrow(() -> DropService.notFound(dropId));
        if (!drop.waitingRoom()) {
            throw new ApiException(ErrorCode.NO_WAITING_ROOM, "Drop " + dropId + " has no waiting room");
        }
        Instant now = now();
        Instant opensAt = drop.opensAt(properties.opensBefore());
        if (now.isBefore(opensAt)) {
            throw new ApiException(ErrorCode.QUEUE_NOT_OPEN, "The waiting room opens at " + opensAt);
        }
        if (!now.isBefore(drop.endsAt())) {
            throw new ApiException(ErrorCode.QUEUE_NOT_OPEN, "The drop has ended");
        }
        RoomRepository.Joined joined = store.join(
                dropId, userId, now, now.isBefore(drop.startsAt()), drop.keysExpireAt(properties.retention()));
        return new Joined(joined.created(), tickets.of(dropId.toString(), userId.toString(), joined.ticket(), now));
    }

    /** The buyer placed an order: the slot goes to the next in line (a repeat changes nothing). */
    public void release(UUID dropId, String userId) {
        store.release(dropId, userId);
    }

    public Optional<Ticket> ticketOf(UUID dropId, UUID userId) {
        Instant now = now();
        return store.read(dropId, userId, now)
                .map(stored -> tickets.of(dropId.toString(), userId.toString(), stored, now));
    }

    /** Redis scores and the admission token keep milliseconds and seconds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

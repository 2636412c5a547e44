package io.livedrop.catalog.room.application;

import io.livedrop.catalog.room.domain.AdmissionPace;
import io.livedrop.catalog.room.domain.StoredTicket;
import io.livedrop.catalog.room.domain.TicketStatus;
import io.livedrop.common.admission.AdmissionTokens;
import io.livedrop.common.events.QueueUpdated.Ticket;
import java.time.Instant;

/**
 * Turns what Redis holds into the ticket clients see. The admission token is not stored: it is a
 * pure function of drop, user and expiry (HMAC), so it is signed again when shown.
 */
public class TicketService {

    private final AdmissionTokens tokens;
    private final WaitingRoomProperties properties;

    public TicketService(AdmissionTokens tokens, WaitingRoomProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    Ticket of(String dropId, String userId, StoredTicket stored, Instant now) {
        Instant admissionExpiresAt = stored.admissionExpiresAt();
        if (admissionExpiresAt != null) {
            // between the token's expiry and the next admission pass, it is already expired
            if (stored.holdsSlot() && !now.isBefore(admissionExpiresAt)) {
                return ended(dropId, stored.ticketId(), stored.joinedAt(), TicketStatus.EXPIRED);
            }
            return admitted(dropId, userId, stored.ticketId(), stored.joinedAt(), admissionExpiresAt);
        }
        if (stored.tokenExpiredUnused()) {
            return ended(dropId, stored.ticketId(), stored.joinedAt(), TicketStatus.EXPIRED);
        }
        if (!stored.closed().isEmpty()) {
            return ended(dropId, stored.ticketId(), stored.joinedAt(), stored.closed());
        }
        if (stored.rank() < 0 || !stored.drawn()) {
            return waiting(dropId, stored.ticketId(), stored.joinedAt(), null, null);
        }
        long position = stored.rank() + 1;
        return waiting(
                dropId,
                stored.ticketId(),
                stored.joinedAt(),
                position,
                estimatedWaitSeconds(position, stored.holdingSlots(), stored.recentAdmissions()));
    }

    Ticket waiting(String dropId, String ticketId, Instant joinedAt, Long position, Long estimatedWaitSeconds) {
        return new Ticket(ticketId, dropId, TicketStatus.WAITING, position, estimatedWaitSeconds, null, null, joinedAt);
    }

    Ticket admitted(String dropId, String userId, String ticketId, Instant joinedAt, Instant expiresAt) {
        return new Ticket(
                ticketId,
                dropId,
                TicketStatus.ADMITTED,
                null,
                null,
                tokens.issue(dropId, userId, expiresAt),
                expiresAt,
                joinedAt);
    }

    Ticket ended(String dropId, String ticketId, Instant joinedAt, String status) {
        return new Ticket(ticketId, dropId, status, null, null, null, null, joinedAt);
    }

    /** See {@link AdmissionPace#estimatedWaitSeconds}. */
    long estimatedWaitSeconds(long position, long holdingSlots, long recentAdmissions) {
        return properties.pace().estimatedWaitSeconds(position, holdingSlots, recentAdmissions);
    }
}

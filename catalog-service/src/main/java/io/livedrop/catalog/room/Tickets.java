package io.livedrop.catalog.room;

import io.livedrop.common.admission.AdmissionTokens;
import io.livedrop.common.events.QueueUpdated.Ticket;
import java.time.Instant;

/**
 * Turns what Redis holds into the ticket clients see. The admission token is not stored: it is a
 * pure function of drop, user and expiry (HMAC), so it is signed again when shown.
 */
final class Tickets {

    private final AdmissionTokens tokens;
    private final WaitingRoomProperties properties;

    Tickets(AdmissionTokens tokens, WaitingRoomProperties properties) {
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

    /**
     * The buyers ahead beyond the free slots, at the rate buyers were admitted recently (which is
     * the rate the order path freed slots). Before any admission in the window, the worst case is
     * assumed: every slot turns over only when its token expires.
     */
    long estimatedWaitSeconds(long position, long holdingSlots, long recentAdmissions) {
        long free = Math.max(0, properties.activeShoppers() - holdingSlots);
        long ahead = position - free;
        if (ahead <= 0) {
            return 0;
        }
        double perSecond = recentAdmissions > 0
                ? recentAdmissions / seconds(properties.rateWindow().toMillis())
                : properties.activeShoppers()
                        / seconds(properties.admissionTtl().toMillis());
        return (long) Math.ceil(ahead / perSecond);
    }

    private static double seconds(long millis) {
        return Math.max(1, millis) / 1000.0;
    }
}

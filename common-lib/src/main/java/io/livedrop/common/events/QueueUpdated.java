package io.livedrop.common.events;

import java.time.Instant;
import java.util.List;

/**
 * The waiting room of one drop moved: the tickets whose holders should hear about it ({@code
 * queue.position} for a waiting or sold-out ticket, {@code queue.admitted} for an admitted one). One
 * event carries many tickets, at most one per user, at most about once a second per drop. Delivered live
 * only (not kept in the inbox). Key: dropId.
 */
public record QueueUpdated(String dropId, List<TicketUpdate> tickets) {

    public static final String TOPIC = Topics.QUEUE_UPDATED;

    public record TicketUpdate(String userId, Ticket ticket) {}

    /** The ticket exactly as {@code GET /api/drops/{id}/queue/me} answers it. */
    public record Ticket(
            String ticketId,
            String dropId,
            String status,
            Long position,
            Long estimatedWaitSeconds,
            String admissionToken,
            Instant admissionExpiresAt,
            Instant joinedAt) {}
}

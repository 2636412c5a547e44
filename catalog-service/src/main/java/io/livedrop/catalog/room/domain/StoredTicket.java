package io.livedrop.catalog.room.domain;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as Redis holds it, with what its status and estimate are computed from (see
 * {@code ticket-state.lua}).
 *
 * @param rank place in line from 0, or -1 when not waiting
 * @param outcome {@code a|expiresAtMillis} once admitted, {@code x} when the token expired unused
 * @param holdsSlot admitted and neither ordered nor expired yet
 * @param closed why admission stopped ({@code sold_out}, {@code expired}), empty while open
 * @param drawn the drop started and the line order is fixed and shown
 * @param holdingSlots admitted buyers of the drop holding a slot now
 * @param recentAdmissions buyers admitted within the rate window
 */
public record StoredTicket(
        String ticketId,
        Instant joinedAt,
        long rank,
        String outcome,
        boolean holdsSlot,
        String closed,
        boolean drawn,
        long holdingSlots,
        long recentAdmissions) {

    /** From the script's answer, starting at {@code offset}. */
    public static StoredTicket parse(List<?> fields, int offset) {
        String[] ticket = text(fields.get(offset)).split("\\|");
        return new StoredTicket(
                ticket[0],
                Instant.ofEpochMilli(Long.parseLong(ticket[1])),
                number(fields.get(offset + 1)),
                text(fields.get(offset + 2)),
                number(fields.get(offset + 3)) == 1,
                text(fields.get(offset + 4)),
                !text(fields.get(offset + 5)).isEmpty(),
                number(fields.get(offset + 6)),
                number(fields.get(offset + 7)));
    }

    public static String encode(String ticketId, Instant joinedAt) {
        return ticketId + "|" + joinedAt.toEpochMilli();
    }

    /** When the admission ends, or null when not admitted. */
    public Instant admissionExpiresAt() {
        return outcome.startsWith("a|") ? Instant.ofEpochMilli(Long.parseLong(outcome.substring(2))) : null;
    }

    public boolean tokenExpiredUnused() {
        return "x".equals(outcome);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }
}

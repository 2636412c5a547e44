package io.livedrop.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tickets of one waiting room as its buyers saw them (each poll and a last look after the run),
 * and the line-order analysis of them. A ticket's {@code position} is its place in line (1 = first),
 * drawn at {@code startsAt} for those who joined before; its admission instant is {@code
 * admissionExpiresAt - admissionValidity} (the server's clock, not when a poll noticed).
 */
final class WaitingLine {

    /** One buyer's ticket; {@code status} null while the buyer has none. */
    static final class Ticket {
        final String userId;
        private String status;
        private Long position;
        private Long positionAtAdmission;
        private Instant joinedAt;
        private Instant admittedAt;

        Ticket(String userId) {
            this.userId = userId;
        }

        /** Takes in a ticket as {@code GET /queue/me} answers it; the first admission seen is kept. */
        synchronized void observe(JsonNode ticket, Duration admissionValidity) {
            status = ticket.path("status").asText(status);
            if (ticket.hasNonNull("position")) {
                position = ticket.get("position").asLong();
            }
            Instant joined = instant(ticket.path("joinedAt"));
            joinedAt = joined != null ? joined : joinedAt;
            Instant expires = instant(ticket.path("admissionExpiresAt"));
            if (admittedAt == null && expires != null) {
                admittedAt = expires.minus(admissionValidity);
                positionAtAdmission = position;
            }
        }

        synchronized String status() {
            return status;
        }

        synchronized Instant joinedAt() {
            return joinedAt;
        }

        synchronized Instant admittedAt() {
            return admittedAt;
        }

        synchronized boolean admitted() {
            return admittedAt != null;
        }

        /** The position recorded at admission, else the last one seen. */
        synchronized Long linePosition() {
            return positionAtAdmission != null ? positionAtAdmission : position;
        }

        synchronized String csv() {
            return String.join(
                    ",",
                    userId,
                    Objects.toString(status, ""),
                    Objects.toString(joinedAt, ""),
                    Objects.toString(position, ""),
                    Objects.toString(positionAtAdmission, ""),
                    Objects.toString(admittedAt, ""));
        }

        private static Instant instant(JsonNode node) {
            try {
                return node.isTextual() ? Instant.parse(node.asText()) : null;
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final Duration admissionValidity;

    WaitingLine(Duration admissionValidity) {
        this.admissionValidity = admissionValidity;
    }

    void observe(String userId, JsonNode ticket) {
        of(userId).observe(ticket, admissionValidity);
    }

    Ticket of(String userId) {
        return tickets.computeIfAbsent(userId, Ticket::new);
    }

    Collection<Ticket> all() {
        return tickets.values();
    }

    /** Tickets with a place in line, by place. */
    List<Ticket> inLine() {
        return tickets.values().stream()
                .filter(t -> t.linePosition() != null)
                .sorted(Comparator.comparing(Ticket::linePosition))
                .toList();
    }

    /**
     * Admitted tickets admitted out of line order: ticket b (admitted at t_b, position p_b) counts when
     * some ticket a with p_a < p_b was still waiting at t_b, i.e. a was never admitted or was admitted
     * strictly after t_b. Equal instants are not an inversion (the admission time has the resolution
     * of admissionExpiresAt, so a batch admitted together ties). Descriptions of the offenders.
     */
    List<String> admittedOutOfOrder() {
        List<String> offenders = new ArrayList<>();
        Ticket waitingAhead = null; // a never-admitted ticket ahead, if any
        Ticket latestAhead = null; // the ticket ahead admitted last
        List<Ticket> line = inLine();
        for (int i = 0; i < line.size(); ) {
            int end = i;
            while (end < line.size()
                    && line.get(end).linePosition().equals(line.get(i).linePosition())) {
                end++;
            }
            List<Ticket> samePlace = line.subList(i, end);
            for (Ticket b : samePlace) {
                if (!b.admitted()) {
                    continue;
                }
                if (waitingAhead != null) {
                    offenders.add(
                            describe(b) + " while position " + waitingAhead.linePosition() + " was never admitted");
                } else if (latestAhead != null && latestAhead.admittedAt().isAfter(b.admittedAt())) {
                    offenders.add(describe(b) + " before position " + latestAhead.linePosition() + " ("
                            + latestAhead.admittedAt() + ")");
                }
            }
            for (Ticket a : samePlace) {
                if (!a.admitted()) {
                    waitingAhead = waitingAhead == null ? a : waitingAhead;
                } else if (latestAhead == null || a.admittedAt().isAfter(latestAhead.admittedAt())) {
                    latestAhead = a;
                }
            }
            i = end;
        }
        return offenders;
    }

    private static String describe(Ticket t) {
        return "position " + t.linePosition() + " admitted " + t.admittedAt();
    }

    /** Tickets that share a position with another. */
    long duplicatePositions() {
        List<Ticket> line = inLine();
        return line.size() - line.stream().map(Ticket::linePosition).distinct().count();
    }

    /**
     * Spearman's rank correlation between join order ({@code joinedAt}) and position of the tickets
     * that joined before {@code startsAt}: near 0 for a random draw. NaN below 3 tickets.
     */
    double joinOrderCorrelation(Instant startsAt) {
        List<Ticket> drawn = preStart(startsAt);
        double[] joined =
                drawn.stream().mapToDouble(t -> t.joinedAt().toEpochMilli()).toArray();
        double[] position = drawn.stream().mapToDouble(t -> t.linePosition()).toArray();
        return spearman(joined, position);
    }

    List<Ticket> preStart(Instant startsAt) {
        return inLine().stream()
                .filter(t -> t.joinedAt() != null && t.joinedAt().isBefore(startsAt))
                .toList();
    }

    List<Ticket> postStart(Instant startsAt) {
        return inLine().stream()
                .filter(t -> t.joinedAt() != null && !t.joinedAt().isBefore(startsAt))
                .toList();
    }

    /** Post-start joiners placed before some pre-start joiner (they belong at the back). */
    long postStartAheadOfDraw(Instant startsAt) {
        long lastDrawn = preStart(startsAt).stream()
                .mapToLong(Ticket::linePosition)
                .max()
                .orElse(0);
        return postStart(startsAt).stream()
                .filter(t -> t.linePosition() < lastDrawn)
                .count();
    }

    /** Pairs of post-start joiners where the later joiner (by joinedAt) got the smaller position. */
    long postStartArrivalInversions(Instant startsAt) {
        List<Ticket> late = postStart(startsAt);
        long inversions = 0;
        for (Ticket a : late) {
            for (Ticket b : late) {
                if (a.joinedAt().isBefore(b.joinedAt()) && a.linePosition() > b.linePosition()) {
                    inversions++;
                }
            }
        }
        return inversions;
    }

    void writeCsv(Path file) {
        List<String> lines = new ArrayList<>();
        lines.add("userId,status,joinedAt,position,positionAtAdmission,admittedAt");
        tickets.values().stream()
                .sorted(Comparator.comparing(Ticket::linePosition, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(t -> lines.add(t.csv()));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    /** Ranks 1..n, ties sharing their average rank. */
    static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length; ) {
            int end = i;
            while (end < order.length && values[order[end]] == values[order[i]]) {
                end++;
            }
            double average = (i + 1 + end) / 2.0;
            for (int j = i; j < end; j++) {
                ranks[order[j]] = average;
            }
            i = end;
        }
        return ranks;
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        if (n < 3) {
            return Double.NaN;
        }
        double mx = java.util.Arrays.stream(x).average().orElse(0);
        double my = java.util.Arrays.stream(y).average().orElse(0);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}

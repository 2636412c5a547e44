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
 * and the line-order analysis of them.
 *
 * <p>A waiting ticket's {@code position} is its current place among those still waiting (1 = next):
 * it shrinks as buyers ahead are admitted. If admission follows line order, a ticket's fixed place in
 * the whole line is {@code L = position + A(t)}, where {@code A(t)} is the number of buyers admitted by
 * the moment {@code t} the server read the position. That moment lies between the poll's send and
 * receive times, so each observation bounds L to {@code [position + A(sent), position + A(received)]};
 * a ticket's L is the intersection of all its bounds. An admission out of line order shows either as
 * bounds that do not intersect (someone behind was admitted while this ticket waited) or as a ticket
 * certainly ahead ({@code hi_a < lo_b}) admitted after, or never admitted before, one behind it. The
 * admission instant is {@code admissionExpiresAt - admissionValidity} (the server's clock).
 */
final class WaitingLine {

    /** How long after its stamped instant an admission pass may still be taking buyers out of line (a GC pause or a slow Redis call between the two under load). */
    private static final long PASS_SLACK_MILLIS = 1000;

    private record Observation(long sentAtMillis, long receivedAtMillis, long position) {}

    /** One buyer's ticket; {@code status} null while the buyer has none. */
    static final class Ticket {
        final String userId;
        private String status;
        private Instant joinedAt;
        private Instant admittedAt;
        private final List<Observation> waiting = new ArrayList<>();
        private long lo = Long.MIN_VALUE;
        private long hi = Long.MAX_VALUE;

        Ticket(String userId) {
            this.userId = userId;
        }

        /** Takes in a ticket as {@code GET /queue/me} answers it, read between the two instants. */
        synchronized void observe(JsonNode ticket, Duration admissionValidity, long sentAt, long receivedAt) {
            status = ticket.path("status").asText(status);
            if ("waiting".equals(status) && ticket.hasNonNull("position")) {
                waiting.add(new Observation(
                        sentAt, receivedAt, ticket.get("position").asLong()));
            }
            Instant joined = instant(ticket.path("joinedAt"));
            joinedAt = joined != null ? joined : joinedAt;
            Instant expires = instant(ticket.path("admissionExpiresAt"));
            if (admittedAt == null && expires != null) {
                admittedAt = expires.minus(admissionValidity);
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

        /** Whether any waiting observation bounds this ticket's place in line. */
        synchronized boolean placed() {
            return !waiting.isEmpty();
        }

        /** The observations' bounds do not intersect. */
        synchronized boolean inconsistent() {
            return placed() && lo > hi;
        }

        synchronized long lo() {
            return lo;
        }

        synchronized long hi() {
            return hi;
        }

        /** The middle of the bounds, for rank statistics. */
        synchronized double place() {
            return (lo + (double) hi) / 2;
        }

        synchronized void bound(long[] admissionsMillis) {
            lo = Long.MIN_VALUE;
            hi = Long.MAX_VALUE;
            for (Observation seen : waiting) {
                // an admission pass stamps its instant just before it takes buyers out of the line
                lo = Math.max(
                        lo, seen.position() + admittedBy(admissionsMillis, seen.sentAtMillis() - PASS_SLACK_MILLIS));
                hi = Math.min(hi, seen.position() + admittedBy(admissionsMillis, seen.receivedAtMillis()));
            }
        }

        synchronized String csv() {
            return String.join(
                    ",",
                    userId,
                    Objects.toString(status, ""),
                    Objects.toString(joinedAt, ""),
                    placed() ? Long.toString(lo) : "",
                    placed() ? Long.toString(hi) : "",
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

    void observe(String userId, JsonNode ticket, long sentAtMillis, long receivedAtMillis) {
        of(userId).observe(ticket, admissionValidity, sentAtMillis, receivedAtMillis);
    }

    Ticket of(String userId) {
        return tickets.computeIfAbsent(userId, Ticket::new);
    }

    Collection<Ticket> all() {
        return tickets.values();
    }

    /** Computes every ticket's bounds; call once all observations are in. */
    void resolve() {
        long[] admissions = tickets.values().stream()
                .filter(Ticket::admitted)
                .mapToLong(t -> t.admittedAt().toEpochMilli())
                .sorted()
                .toArray();
        tickets.values().forEach(t -> t.bound(admissions));
    }

    /** How many admissions happened at or before the instant. */
    private static long admittedBy(long[] sortedAdmissions, long atMillis) {
        int index = java.util.Arrays.binarySearch(sortedAdmissions, atMillis);
        if (index < 0) {
            return -index - 1;
        }
        while (index + 1 < sortedAdmissions.length && sortedAdmissions[index + 1] == atMillis) {
            index++;
        }
        return index + 1;
    }

    /** Tickets whose place in line the observations bound, by place. */
    List<Ticket> inLine() {
        return tickets.values().stream()
                .filter(t -> t.placed() && !t.inconsistent())
                .sorted(Comparator.comparingDouble(Ticket::place))
                .toList();
    }

    long inconsistent() {
        return tickets.values().stream().filter(Ticket::inconsistent).count();
    }

    /**
     * Admitted tickets admitted out of line order: b counts when some a certainly ahead of it ({@code
     * hi_a < lo_b}) was never admitted or was admitted strictly after b, plus every ticket whose bounds
     * do not intersect. Descriptions of the offenders.
     */
    List<String> admittedOutOfOrder() {
        List<String> offenders = new ArrayList<>();
        tickets.values().stream()
                .filter(Ticket::inconsistent)
                .forEach(t -> offenders.add(
                        t.userId + ": its place moved back while it waited (lo " + t.lo() + " > hi " + t.hi() + ")"));
        List<Ticket> line = inLine();
        for (Ticket b : line) {
            if (!b.admitted()) {
                continue;
            }
            for (Ticket a : line) {
                boolean ahead = a.hi() < b.lo();
                if (ahead && (!a.admitted() || a.admittedAt().isAfter(b.admittedAt()))) {
                    offenders.add("place ~" + b.lo() + " admitted " + b.admittedAt() + " before place ~" + a.hi()
                            + (a.admitted() ? " (admitted " + a.admittedAt() + ")" : " (never admitted)"));
                    break;
                }
            }
        }
        return offenders;
    }

    /**
     * Spearman's rank correlation between join order ({@code joinedAt}) and place in line of the
     * tickets that joined before {@code startsAt}: near 0 for a random draw. NaN below 3 tickets.
     */
    double joinOrderCorrelation(Instant startsAt) {
        List<Ticket> drawn = preStart(startsAt);
        double[] joined =
                drawn.stream().mapToDouble(t -> t.joinedAt().toEpochMilli()).toArray();
        double[] place = drawn.stream().mapToDouble(Ticket::place).toArray();
        return spearman(joined, place);
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

    /** Post-start joiners certainly placed before some pre-start joiner (they belong at the back). */
    long postStartAheadOfDraw(Instant startsAt) {
        long lastDrawnLo =
                preStart(startsAt).stream().mapToLong(Ticket::lo).max().orElse(Long.MIN_VALUE);
        return postStart(startsAt).stream().filter(t -> t.hi() < lastDrawnLo).count();
    }

    /** Pairs of post-start joiners where the later joiner (by joinedAt) is certainly ahead. */
    long postStartArrivalInversions(Instant startsAt) {
        List<Ticket> late = postStart(startsAt);
        long inversions = 0;
        for (Ticket a : late) {
            for (Ticket b : late) {
                if (a.joinedAt().isBefore(b.joinedAt()) && b.hi() < a.lo()) {
                    inversions++;
                }
            }
        }
        return inversions;
    }

    void writeCsv(Path file) {
        List<String> lines = new ArrayList<>();
        lines.add("userId,status,joinedAt,placeLo,placeHi,admittedAt");
        tickets.values().stream()
                .sorted(Comparator.comparingDouble(t -> t.placed() ? t.place() : Double.MAX_VALUE))
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

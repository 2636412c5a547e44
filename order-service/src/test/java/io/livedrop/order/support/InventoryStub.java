package io.livedrop.order.support;

import io.livedrop.common.security.Scopes;
import io.livedrop.common.test.StubServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * inventory-service's internal API as docs/INTERNAL-API.md defines it (reserve / confirm / release /
 * return by reservation id, the drop's stock), with real stock arithmetic, per-user limits and state
 * checks, plus switches for faults: slow reserve calls, failing calls, an outage.
 */
public final class InventoryStub extends StubServer {

    /** As inventory does: only order-service's scope opens /internal/inventory/** (403 otherwise). */
    @Override
    protected String requiredScope() {
        return Scopes.INTERNAL_INVENTORY;
    }

    private static InventoryStub shared;

    private final Map<String, Drop> drops = new ConcurrentHashMap<>();
    private final Map<String, Reservation> reservations = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Set<String> failingConfirms = ConcurrentHashMap.newKeySet();
    private volatile Duration reserveDelay = Duration.ZERO;
    private volatile boolean failing;
    private volatile boolean overloaded;
    private volatile boolean outcomePending;

    public static synchronized InventoryStub shared() {
        if (shared == null) {
            shared = new InventoryStub();
            shared.start();
        }
        return shared;
    }

    public static final class Drop {
        final String dropId;
        final int stock;
        final int perUserLimit;
        volatile Instant startsAt;
        volatile Instant endsAt;
        int available;
        int reserved;
        int sold;

        Drop(String dropId, int stock, int perUserLimit, Instant startsAt, Instant endsAt) {
            this.dropId = dropId;
            this.stock = stock;
            this.perUserLimit = perUserLimit;
            this.startsAt = startsAt;
            this.endsAt = endsAt;
            this.available = stock;
        }

        public synchronized int available() {
            return available;
        }

        public synchronized int reserved() {
            return reserved;
        }

        public synchronized int sold() {
            return sold;
        }

        synchronized Map<String, Object> json() {
            return Map.of(
                    "dropId", dropId,
                    "stock", stock,
                    "available", available,
                    "reserved", reserved,
                    "sold", sold,
                    "startsAt", startsAt.toString(),
                    "endsAt", endsAt.toString(),
                    "perUserLimit", perUserLimit);
        }
    }

    public record Reservation(
            String reservationId,
            String dropId,
            String userId,
            int quantity,
            String status,
            Instant expiresAt,
            Instant createdAt) {

        Reservation withStatus(String newStatus) {
            return new Reservation(reservationId, dropId, userId, quantity, newStatus, expiresAt, createdAt);
        }

        Map<String, Object> json() {
            return Map.of(
                    "reservationId", reservationId,
                    "dropId", dropId,
                    "userId", userId,
                    "quantity", quantity,
                    "status", status,
                    "expiresAt", expiresAt.toString(),
                    "createdAt", createdAt.toString());
        }
    }

    /** A live drop (window around now). */
    public Drop addLiveDrop(String dropId, int stock, int perUserLimit) {
        return addDrop(
                dropId,
                stock,
                perUserLimit,
                Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(3600));
    }

    public Drop addDrop(String dropId, int stock, int perUserLimit, Instant startsAt, Instant endsAt) {
        Drop drop = new Drop(dropId, stock, perUserLimit, startsAt, endsAt);
        drops.put(dropId, drop);
        return drop;
    }

    public Drop drop(String dropId) {
        return drops.get(dropId);
    }

    public Optional<Reservation> reservation(String reservationId) {
        return Optional.ofNullable(reservations.get(reservationId));
    }

    public long reservationsOf(String dropId) {
        return reservations.values().stream()
                .filter(r -> r.dropId().equals(dropId))
                .count();
    }

    public int calls(String kind) {
        return calls.computeIfAbsent(kind, k -> new AtomicInteger()).get();
    }

    /** Reserve calls wait this long before they take effect (the caller may have given up by then). */
    public void slowReserves(Duration delay) {
        reserveDelay = delay;
    }

    /** Every call answers 500. */
    public void failing(boolean on) {
        failing = on;
    }

    /** Confirm calls for this reservation answer 503 (an inventory hiccup in the middle of a saga). */
    public void failConfirmsOf(String reservationId, boolean on) {
        if (on) {
            failingConfirms.add(reservationId);
        } else {
            failingConfirms.remove(reservationId);
        }
    }

    /** Every call answers 503: inventory's "no database connection free, nothing was written". */
    public void overloaded(boolean on) {
        overloaded = on;
    }

    /**
     * Reserve calls take the hold but answer 503 {@code OUTCOME_PENDING}: inventory's "the batch is still
     * running, retry with the same id to learn the outcome".
     */
    public void outcomePending(boolean on) {
        outcomePending = on;
    }

    public void reset() {
        up();
        outcomePending = false;
        reserveDelay = Duration.ZERO;
        failing = false;
        overloaded = false;
        failingConfirms.clear();
    }

    @Override
    protected StubReply handle(String method, String path, JsonNode body) throws Exception {
        String[] parts = path.split("/");
        // /internal/inventory/reservations[/{id}/{action}] or /internal/inventory/drops/{id}
        if (parts.length < 4 || !parts[1].equals("internal") || !parts[2].equals("inventory")) {
            return problem(404, "NOT_FOUND", "no route");
        }
        String kind = parts[3].equals("drops") ? "drop" : parts.length == 4 ? "reserve" : parts[5];
        calls.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        if (failing) {
            return problem(500, "INTERNAL_ERROR", "inventory is failing");
        }
        if (overloaded) {
            return problem(503, "SERVICE_UNAVAILABLE", "no database connection free; nothing was written");
        }
        return switch (kind) {
            case "drop" -> dropReply(parts[4]);
            case "reserve" -> {
                StubReply reserved = reserve(body);
                yield outcomePending
                        ? problem(503, "OUTCOME_PENDING", "No answer in time; retry with the same reservationId")
                        : reserved;
            }
            case "confirm" ->
                failingConfirms.contains(parts[4])
                        ? problem(503, "SERVICE_UNAVAILABLE", "hiccup")
                        : transition(parts[4], "held", "confirmed");
            case "release" -> transition(parts[4], "held", "released");
            case "return" -> transition(parts[4], "confirmed", "returned");
            default -> problem(404, "NOT_FOUND", "no route");
        };
    }

    private StubReply dropReply(String dropId) {
        Drop drop = drops.get(dropId);
        return drop == null ? problem(404, "DROP_NOT_FOUND", "no stock for " + dropId) : ok(200, drop.json());
    }

    private StubReply reserve(JsonNode body) throws InterruptedException {
        if (!reserveDelay.isZero()) {
            Thread.sleep(reserveDelay);
        }
        String id = body.path("reservationId").asString();
        String dropId = body.path("dropId").asString();
        String userId = body.path("userId").asString();
        int quantity = body.path("quantity").asInt();
        Instant expiresAt = Instant.parse(body.path("expiresAt").asString());
        synchronized (this) {
            Reservation existing = reservations.get(id);
            if (existing != null) {
                return ok(200, existing.json());
            }
            Drop drop = drops.get(dropId);
            if (drop == null) {
                return problem(404, "DROP_NOT_FOUND", "no stock for " + dropId);
            }
            Instant now = Instant.now();
            if (now.isBefore(drop.startsAt) || !now.isBefore(drop.endsAt)) {
                return problem(409, "DROP_NOT_LIVE", "not live");
            }
            int alreadyHeld = reservations.values().stream()
                    .filter(r -> r.dropId().equals(dropId) && r.userId().equals(userId))
                    .filter(r -> r.status().equals("held") || r.status().equals("confirmed"))
                    .mapToInt(Reservation::quantity)
                    .sum();
            if (alreadyHeld + quantity > drop.perUserLimit) {
                return problem(422, "PER_USER_LIMIT_EXCEEDED", "limit");
            }
            synchronized (drop) {
                if (drop.available < quantity) {
                    return problem(409, "SOLD_OUT", "sold out");
                }
                drop.available -= quantity;
                drop.reserved += quantity;
            }
            Reservation created = new Reservation(id, dropId, userId, quantity, "held", expiresAt, now);
            reservations.put(id, created);
            return ok(201, created.json());
        }
    }

    private synchronized StubReply transition(String id, String from, String to) {
        Reservation reservation = reservations.get(id);
        if (reservation == null) {
            return problem(404, "RESERVATION_NOT_FOUND", "unknown reservation " + id);
        }
        if (reservation.status().equals(to)) {
            return ok(200, reservation.json());
        }
        if (!reservation.status().equals(from)) {
            return problem(409, "RESERVATION_NOT_ACTIVE", "reservation is " + reservation.status());
        }
        Drop drop = drops.get(reservation.dropId());
        synchronized (drop) {
            int q = reservation.quantity();
            switch (to) {
                case "confirmed" -> {
                    drop.reserved -= q;
                    drop.sold += q;
                }
                case "released" -> {
                    drop.reserved -= q;
                    drop.available += q;
                }
                case "returned" -> {
                    drop.sold -= q;
                    drop.available += q;
                }
                default -> throw new IllegalArgumentException(to);
            }
        }
        Reservation changed = reservation.withStatus(to);
        reservations.put(id, changed);
        return ok(200, changed.json());
    }

    /** Inventory's reaper letting a hold go (as if it expired there). */
    public void expireHold(String reservationId) {
        transition(reservationId, "held", "released");
    }
}

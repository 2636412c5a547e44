package io.livedrop.inventory.reservation.application;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.inventory.reservation.domain.Reservation;
import io.livedrop.inventory.reservation.domain.ReserveCommand;
import io.livedrop.inventory.reservation.domain.ReserveResult;
import io.livedrop.inventory.reservation.persistence.ReservationRepository;
import io.livedrop.inventory.stock.application.StockSignalService;
import io.livedrop.inventory.stock.domain.StockTaken;
import io.livedrop.inventory.stock.persistence.DropStockRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Many reserves of one drop in one transaction, with the outcomes single reserves would have had in
 * their arrival order. Reads first (known reservation ids, the drop, the buyers' holdings), decides
 * every request in order in memory, then writes in the lock order of every other writer
 * (reservations, holdings sorted by user, the stock row last) with statements that re-check what
 * was decided: a multi-row insert of the new holds, one conditional holding upsert per user and ONE
 * conditional update of the stock row for the batch's total. When another transaction changed what
 * was read (another instance, a reschedule, a racing retry), a re-check fails and the whole batch
 * rolls back with {@link StaleBatchException}; the caller then reserves one by one. The row lock of
 * the drop is held from that one update to the commit, once per batch instead of once per reserve.
 */
@Component
public class BatchReserveService {

    /** The order PostgreSQL sorts uuids in (their bytes, i.e. their lowercase text). */
    private static final Comparator<ReserveCommand> BY_RESERVATION_ID =
            Comparator.comparing(command -> command.reservationId().toString());

    private final JdbcClient jdbc;
    private final DropStockRepository stock;
    private final StockSignalService signals;

    public BatchReserveService(JdbcClient jdbc, DropStockRepository stock, StockSignalService signals) {
        this.jdbc = jdbc;
        this.stock = stock;
        this.signals = signals;
    }

    /** The answer to one request of a batch: a hold (new or known) or a refusal. */
    public sealed interface Outcome {

        record Held(ReserveResult result) implements Outcome {}

        record Refused(ApiException refusal) implements Outcome {}
    }

    /** Thrown when a re-check found that the data read at the start of the batch changed. */
    public static final class StaleBatchException extends RuntimeException {

        StaleBatchException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param requests reserves of {@code dropId} in arrival order
     * @return their outcomes, in the same order; nothing is visible to anyone before the commit
     */
    @Transactional
    public List<Outcome> reserve(UUID dropId, List<ReserveCommand> requests) {
        Map<UUID, Reservation> known = knownReservations(requests);
        Optional<DropState> drop = dropState(dropId);
        Map<String, Integer> holdings = drop.isPresent() ? holdings(dropId, requests) : Map.of();
        Decisions decisions = new Decisions(drop, holdings, known);
        requests.forEach(decisions::decide);
        Map<UUID, Reservation> inserted = Map.of();
        if (!decisions.taken.isEmpty()) {
            inserted = insertHolds(decisions.taken);
            addToHoldings(dropId, decisions.taken);
            takeStock(dropId, decisions);
        }
        return decisions.outcomes(inserted);
    }

    private Map<UUID, Reservation> knownReservations(List<ReserveCommand> requests) {
        return jdbc
                .sql("""
                        select reservation_id, drop_id, user_id, quantity, status, expires_at, created_at
                        from reservation where reservation_id = any(cast(:ids as uuid[]))
                        """)
                .param(
                        "ids",
                        strings(requests, command -> command.reservationId().toString()))
                .query(ReservationRepository::map)
                .list()
                .stream()
                .collect(Collectors.toMap(Reservation::reservationId, Function.identity()));
    }

    private Optional<DropState> dropState(UUID dropId) {
        return jdbc.sql("""
                        select ended_at is null and now() >= starts_at and now() < ends_at as live,
                               available, per_user_limit
                        from drop_stock where drop_id = :dropId
                        """)
                .param("dropId", dropId)
                .query((rs, n) ->
                        new DropState(rs.getBoolean("live"), rs.getInt("available"), rs.getInt("per_user_limit")))
                .optional();
    }

    private Map<String, Integer> holdings(UUID dropId, List<ReserveCommand> requests) {
        Map<String, Integer> holdings = new HashMap<>();
        jdbc.sql("""
                        select user_id, quantity from user_holding
                        where drop_id = :dropId and user_id = any(cast(:users as text[]))
                        """)
                .param("dropId", dropId)
                .param("users", strings(requests, ReserveCommand::userId))
                .query(rs -> {
                    holdings.put(rs.getString("user_id"), rs.getInt("quantity"));
                });
        return holdings;
    }

    /** The in-memory walk through the batch: what each request gets, and what the batch takes. */
    private static final class Decisions {

        private final Optional<DropState> drop;
        private final Map<String, Integer> holdings;
        private final Map<UUID, Reservation> known;
        /** Per request in arrival order: a known hold, a refusal, or the id of a hold this batch takes. */
        private final List<Object> decided = new ArrayList<>();

        private final Map<UUID, Object> firstDecisionOf = new HashMap<>();
        private final List<ReserveCommand> taken = new ArrayList<>();
        private int available;

        Decisions(Optional<DropState> drop, Map<String, Integer> holdings, Map<UUID, Reservation> known) {
            this.drop = drop;
            this.holdings = new HashMap<>(holdings);
            this.known = known;
            this.available = drop.map(DropState::available).orElse(0);
        }

        void decide(ReserveCommand request) {
            UUID id = request.reservationId();
            Reservation existing = known.get(id);
            if (existing != null) {
                decided.add(existing);
                return;
            }
            // a retry racing its original inside one batch gets the original's answer, never a second hold
            Object decision = firstDecisionOf.computeIfAbsent(id, first -> take(request));
            decided.add(decision);
        }

        private Object take(ReserveCommand request) {
            UUID dropId = request.dropId();
            if (drop.isEmpty()) {
                return new ApiException(ErrorCode.DROP_NOT_FOUND, "No stock is known for drop " + dropId);
            }
            if (!drop.get().live()) {
                return new ApiException(ErrorCode.DROP_NOT_LIVE, "Drop " + dropId + " is not on sale");
            }
            int holding = holdings.getOrDefault(request.userId(), 0);
            if (holding + request.quantity() > drop.get().perUserLimit()) {
                return new ApiException(
                        ErrorCode.PER_USER_LIMIT_EXCEEDED,
                        "At most the drop's per-user limit can be held or bought by one user");
            }
            if (request.quantity() > available) {
                return new ApiException(
                        ErrorCode.SOLD_OUT, "Only " + available + " left, " + request.quantity() + " requested");
            }
            holdings.put(request.userId(), holding + request.quantity());
            available -= request.quantity();
            taken.add(request);
            return request.reservationId();
        }

        /** The answers, once the new holds were inserted ({@code inserted}: their rows by id). */
        List<Outcome> outcomes(Map<UUID, Reservation> inserted) {
            List<Outcome> outcomes = new ArrayList<>(decided.size());
            Map<UUID, Boolean> answered = new HashMap<>();
            for (Object decision : decided) {
                outcomes.add(
                        switch (decision) {
                            case Reservation existing -> new Outcome.Held(new ReserveResult(existing, false));
                            case ApiException refusal -> new Outcome.Refused(refusal);
                            case UUID newHold ->
                                new Outcome.Held(
                                        new ReserveResult(inserted.get(newHold), answered.put(newHold, true) == null));
                            default -> throw new IllegalStateException("unexpected decision " + decision);
                        });
            }
            return outcomes;
        }

        int total() {
            return taken.stream().mapToInt(ReserveCommand::quantity).sum();
        }

        /** {@code available} after each hold of the batch, in arrival order. */
        List<Integer> availableAfterEach(int availableAfterBatch) {
            List<Integer> after = new ArrayList<>(taken.size());
            int left = availableAfterBatch + total();
            for (ReserveCommand hold : taken) {
                left -= hold.quantity();
                after.add(left);
            }
            return after;
        }
    }

    private Map<UUID, Reservation> insertHolds(List<ReserveCommand> taken) {
        List<ReserveCommand> sorted = taken.stream().sorted(BY_RESERVATION_ID).toList();
        Map<UUID, Reservation> inserted = jdbc
                .sql("""
                        insert into reservation (reservation_id, drop_id, user_id, quantity, status, expires_at)
                        select r.reservation_id, r.drop_id, r.user_id, r.quantity, 'held', r.expires_at
                        from unnest(cast(:ids as uuid[]), cast(:drops as uuid[]), cast(:users as text[]),
                                    cast(:quantities as integer[]), cast(:expiresAt as timestamptz[]))
                             with ordinality as r(reservation_id, drop_id, user_id, quantity, expires_at, position)
                        order by r.position
                        on conflict (reservation_id) do nothing
                        returning reservation_id, drop_id, user_id, quantity, status, expires_at, created_at
                        """)
                .param("ids", strings(sorted, command -> command.reservationId().toString()))
                .param("drops", strings(sorted, command -> command.dropId().toString()))
                .param("users", strings(sorted, ReserveCommand::userId))
                .param("quantities", strings(sorted, command -> Integer.toString(command.quantity())))
                .param(
                        "expiresAt",
                        strings(sorted, command -> command.expiresAt().toString()))
                .query(ReservationRepository::map)
                .list()
                .stream()
                .collect(Collectors.toMap(Reservation::reservationId, Function.identity()));
        if (inserted.size() != sorted.size()) {
            throw new StaleBatchException("a reservation id of the batch was claimed meanwhile");
        }
        return inserted;
    }

    /** Per user (in one sorted order, like every other writer of several holdings) and within the limit. */
    private void addToHoldings(UUID dropId, List<ReserveCommand> taken) {
        Map<String, Integer> byUser = new TreeMap<>();
        taken.forEach(hold -> byUser.merge(hold.userId(), hold.quantity(), Integer::sum));
        int upserted = jdbc.sql("""
                        insert into user_holding (drop_id, user_id, quantity, quantity_limit)
                        select s.drop_id, h.user_id, h.quantity, s.per_user_limit
                        from unnest(cast(:users as text[]), cast(:quantities as integer[]))
                                 with ordinality as h(user_id, quantity, position)
                        join drop_stock s on s.drop_id = :dropId and h.quantity <= s.per_user_limit
                        order by h.position
                        on conflict (drop_id, user_id) do update
                           set quantity = user_holding.quantity + excluded.quantity,
                               quantity_limit = excluded.quantity_limit
                         where user_holding.quantity + excluded.quantity <= excluded.quantity_limit
                        """)
                .param("dropId", dropId)
                .param("users", byUser.keySet().toArray(String[]::new))
                .param(
                        "quantities",
                        byUser.values().stream().map(String::valueOf).toArray(String[]::new))
                .update();
        if (upserted != byUser.size()) {
            throw new StaleBatchException("a buyer's holding changed meanwhile");
        }
    }

    /** The one conditional update of the drop row; the low-stock and sold-out announcements follow it. */
    private void takeStock(UUID dropId, Decisions decisions) {
        int total = decisions.total();
        StockTaken left = stock.take(dropId, total)
                .orElseThrow(() -> new StaleBatchException("the drop's stock or window changed meanwhile"));
        signals.afterTakingInSteps(
                dropId,
                decisions.availableAfterEach(left.available()),
                left.lowStockThreshold(),
                left.lowStockSignalled(),
                left.soldOutSignalled());
    }

    private record DropState(boolean live, int available, int perUserLimit) {}

    private static String[] strings(List<ReserveCommand> commands, Function<ReserveCommand, String> value) {
        return commands.stream().map(value).toArray(String[]::new);
    }
}

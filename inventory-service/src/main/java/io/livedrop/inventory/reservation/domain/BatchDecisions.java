package io.livedrop.inventory.reservation.domain;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.inventory.stock.domain.SaleState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The in-memory walk through a batch of reserves of one drop: what each request gets, and what the
 * batch takes. The rules are those of a single reserve, applied in arrival order: a known reservation
 * id answers its hold; an unknown drop is {@code DROP_NOT_FOUND}, one outside its window {@code
 * DROP_NOT_LIVE}; a request that would take its user past the per-user limit is {@code
 * PER_USER_LIMIT_EXCEEDED} (checked before the stock, as alone); one asking for more than is left is
 * {@code SOLD_OUT}; anything else takes its units from what is left. A retry inside the same batch gets
 * the first request's answer, never a second hold.
 */
public final class BatchDecisions {

    private final Optional<SaleState> drop;
    private final Map<String, Integer> holdings;
    private final Map<UUID, Reservation> known;
    /** Per request in arrival order: a known hold, a refusal, or the id of a hold this batch takes. */
    private final List<Object> decided = new ArrayList<>();

    private final Map<UUID, Object> firstDecisionOf = new HashMap<>();
    private final List<ReserveCommand> taken = new ArrayList<>();
    private int available;

    /**
     * @param drop the drop as read at the start of the batch (empty: unknown)
     * @param holdings what the batch's users already hold or bought of the drop
     * @param known reservations whose ids were seen before, by id
     */
    public BatchDecisions(Optional<SaleState> drop, Map<String, Integer> holdings, Map<UUID, Reservation> known) {
        this.drop = drop;
        this.holdings = new HashMap<>(holdings);
        this.known = known;
        this.available = drop.map(SaleState::available).orElse(0);
    }

    public void decide(ReserveCommand request) {
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

    /** The new holds the batch takes, in arrival order. */
    public List<ReserveCommand> taken() {
        return List.copyOf(taken);
    }

    /** The answers, once the new holds were inserted ({@code inserted}: their rows by id). */
    public List<ReserveOutcome> outcomes(Map<UUID, Reservation> inserted) {
        List<ReserveOutcome> outcomes = new ArrayList<>(decided.size());
        Map<UUID, Boolean> answered = new HashMap<>();
        for (Object decision : decided) {
            outcomes.add(
                    switch (decision) {
                        case Reservation existing -> new ReserveOutcome.Held(new ReserveResult(existing, false));
                        case ApiException refusal -> new ReserveOutcome.Refused(refusal);
                        case UUID newHold ->
                            new ReserveOutcome.Held(
                                    new ReserveResult(inserted.get(newHold), answered.put(newHold, true) == null));
                        default -> throw new IllegalStateException("unexpected decision " + decision);
                    });
        }
        return outcomes;
    }

    /** The units the batch takes. */
    public int total() {
        return taken.stream().mapToInt(ReserveCommand::quantity).sum();
    }

    /** {@code available} after each hold of the batch, in arrival order. */
    public List<Integer> availableAfterEach(int availableAfterBatch) {
        List<Integer> after = new ArrayList<>(taken.size());
        int left = availableAfterBatch + total();
        for (ReserveCommand hold : taken) {
            left -= hold.quantity();
            after.add(left);
        }
        return after;
    }
}

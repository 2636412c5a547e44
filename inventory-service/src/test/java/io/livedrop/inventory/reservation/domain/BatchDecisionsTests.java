package io.livedrop.inventory.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.error.ApiException;
import io.livedrop.inventory.stock.domain.SaleState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reservation rules of a batch, decided in memory: no Spring, no database. */
class BatchDecisionsTests {

    private static final UUID DROP = UUID.randomUUID();
    private static final Instant EXPIRES_AT = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void requestsTakeFromWhatIsLeftInArrivalOrderAndNeverBelowZero() {
        BatchDecisions decisions =
                decide(live(5, 5), Map.of(), Map.of(), hold("ann", 2), hold("bob", 3), hold("cid", 1));

        assertThat(decisions.total()).isEqualTo(5);
        assertThat(decisions.taken()).extracting(ReserveCommand::userId).containsExactly("ann", "bob");
        assertThat(decisions.availableAfterEach(0)).containsExactly(3, 0);
        assertThat(refusals(decisions)).containsExactly(null, null, "SOLD_OUT");
    }

    @Test
    void soldOutSaysWhatIsLeft() {
        BatchDecisions decisions = decide(live(3, 5), Map.of(), Map.of(), hold("ann", 2), hold("bob", 2));

        assertThat(refusal(decisions, 1).getMessage()).isEqualTo("Only 1 left, 2 requested");
        assertThat(decisions.availableAfterEach(1)).containsExactly(1);
    }

    @Test
    void theLimitCountsWhatTheUserAlreadyHoldsAndIsCheckedBeforeTheStock() {
        BatchDecisions decisions =
                decide(live(2, 3), Map.of("ann", 2), Map.of(), hold("ann", 2), hold("bob", 4), hold("ann", 1));

        assertThat(refusals(decisions)).containsExactly("PER_USER_LIMIT_EXCEEDED", "PER_USER_LIMIT_EXCEEDED", null);
        assertThat(decisions.total()).isEqualTo(1);
    }

    @Test
    void theLimitCountsWhatTheBatchAlreadyGaveTheUser() {
        BatchDecisions decisions = decide(live(10, 2), Map.of(), Map.of(), hold("ann", 2), hold("ann", 1));

        assertThat(refusals(decisions)).containsExactly(null, "PER_USER_LIMIT_EXCEEDED");
    }

    @Test
    void anUnknownDropRefusesEveryNewRequest() {
        BatchDecisions decisions = decide(Optional.empty(), Map.of(), Map.of(), hold("ann", 1), hold("bob", 1));

        assertThat(refusals(decisions)).containsExactly("DROP_NOT_FOUND", "DROP_NOT_FOUND");
        assertThat(decisions.taken()).isEmpty();
    }

    @Test
    void aDropOutsideItsWindowRefusesEveryNewRequest() {
        BatchDecisions decisions = decide(Optional.of(new SaleState(false, 10, 5)), Map.of(), Map.of(), hold("ann", 1));

        assertThat(refusals(decisions)).containsExactly("DROP_NOT_LIVE");
        assertThat(decisions.total()).isZero();
    }

    @Test
    void aKnownReservationIdAnswersItsHoldWhateverTheStock() {
        ReserveCommand retry = hold("ann", 1);
        Reservation existing = reservation(retry, ReservationStatus.RELEASED);

        BatchDecisions decisions = decide(live(0, 1), Map.of(), Map.of(retry.reservationId(), existing), retry);

        assertThat(decisions.outcomes(Map.of()))
                .containsExactly(new ReserveOutcome.Held(new ReserveResult(existing, false)));
        assertThat(decisions.taken()).isEmpty();
    }

    @Test
    void aRetryInsideTheBatchGetsTheFirstAnswerAndHoldsOnce() {
        ReserveCommand first = hold("ann", 2);
        BatchDecisions decisions = decide(live(5, 5), Map.of(), Map.of(), first, first, hold("bob", 3));

        assertThat(decisions.taken()).extracting(ReserveCommand::userId).containsExactly("ann", "bob");
        assertThat(decisions.total()).isEqualTo(5);
        Reservation inserted = reservation(first, ReservationStatus.HELD);
        Map<UUID, Reservation> rows = new HashMap<>();
        rows.put(first.reservationId(), inserted);
        rows.put(
                decisions.taken().get(1).reservationId(),
                reservation(decisions.taken().get(1), ReservationStatus.HELD));
        List<ReserveOutcome> outcomes = decisions.outcomes(rows);
        assertThat(outcomes.get(0)).isEqualTo(new ReserveOutcome.Held(new ReserveResult(inserted, true)));
        assertThat(outcomes.get(1))
                .as("the retry is answered the same hold, not created a second time")
                .isEqualTo(new ReserveOutcome.Held(new ReserveResult(inserted, false)));
    }

    @Test
    void aRefusedRetryInsideTheBatchIsRefusedTheSameWay() {
        ReserveCommand tooMany = hold("ann", 6);
        BatchDecisions decisions = decide(live(5, 10), Map.of(), Map.of(), tooMany, tooMany);

        assertThat(refusals(decisions)).containsExactly("SOLD_OUT", "SOLD_OUT");
    }

    private static BatchDecisions decide(
            Optional<SaleState> drop,
            Map<String, Integer> holdings,
            Map<UUID, Reservation> known,
            ReserveCommand... requests) {
        BatchDecisions decisions = new BatchDecisions(drop, holdings, known);
        for (ReserveCommand request : requests) {
            decisions.decide(request);
        }
        return decisions;
    }

    private static Optional<SaleState> live(int available, int perUserLimit) {
        return Optional.of(new SaleState(true, available, perUserLimit));
    }

    private static ReserveCommand hold(String user, int quantity) {
        return new ReserveCommand(UUID.randomUUID(), DROP, user, quantity, EXPIRES_AT);
    }

    private static Reservation reservation(ReserveCommand command, ReservationStatus status) {
        return new Reservation(
                command.reservationId(),
                command.dropId(),
                command.userId(),
                command.quantity(),
                status,
                command.expiresAt(),
                EXPIRES_AT.minusSeconds(600));
    }

    /** Per request: the refusal's code, or null when it was not refused. */
    private static List<String> refusals(BatchDecisions decisions) {
        return decisions.outcomes(insertedRows(decisions)).stream()
                .map(outcome -> outcome instanceof ReserveOutcome.Refused refused
                        ? refused.refusal().code().name()
                        : null)
                .toList();
    }

    private static ApiException refusal(BatchDecisions decisions, int request) {
        return ((ReserveOutcome.Refused)
                        decisions.outcomes(insertedRows(decisions)).get(request))
                .refusal();
    }

    private static Map<UUID, Reservation> insertedRows(BatchDecisions decisions) {
        Map<UUID, Reservation> rows = new HashMap<>();
        decisions.taken().forEach(hold -> rows.put(hold.reservationId(), reservation(hold, ReservationStatus.HELD)));
        return rows;
    }
}

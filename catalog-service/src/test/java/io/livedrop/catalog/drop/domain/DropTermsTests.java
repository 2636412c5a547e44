package io.livedrop.catalog.drop.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.FieldViolation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The scheduling and rescheduling rules of a drop's window, stock and limits: no Spring, no database. */
class DropTermsTests {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Instant STARTS = NOW.plus(Duration.ofHours(1));
    static final Instant ENDS = STARTS.plus(Duration.ofHours(2));

    static DropPlan plan(Instant startsAt, Instant endsAt, Integer stock, Integer threshold, Integer perUser) {
        return new DropPlan(null, startsAt, endsAt, stock, threshold, perUser, null);
    }

    @Test
    void aNewDropTakesTenPercentOfItsStockAsThresholdAndOnePerBuyer() {
        DropTerms terms = DropTerms.forNewDrop(NOW, plan(STARTS, ENDS, 250, null, null));

        assertThat(terms.lowStockThreshold()).isEqualTo(25);
        assertThat(terms.perUserLimit()).isEqualTo(1);
        assertThat(DropTerms.forNewDrop(NOW, plan(STARTS, ENDS, 5, null, null)).lowStockThreshold())
                .isZero();
    }

    @Test
    void theWindowIsKeptToTheMicrosecondTheDatabaseStores() {
        DropTerms terms =
                DropTerms.forNewDrop(NOW, plan(STARTS.plusNanos(1_234_567), ENDS.plusNanos(999), 10, null, null));

        assertThat(terms.startsAt()).isEqualTo(STARTS.plusNanos(1_234_000));
        assertThat(terms.endsAt()).isEqualTo(ENDS);
    }

    @Test
    void everyBrokenRuleIsListedInOneAnswer() {
        assertThatThrownBy(() -> DropTerms.validated(NOW, ENDS, STARTS, 10, 10, 11))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.violations())
                            .extracting(FieldViolation::field)
                            .containsExactly("endsAt", "lowStockThreshold", "perUserLimit");
                });
    }

    @Test
    void aDropEndsInTheFutureLastsAtMostThirtyDaysAndStartsWithinAYear() {
        assertThat(fields(() -> DropTerms.validated(NOW, NOW.minusSeconds(60), NOW, 10, 1, 1)))
                .containsExactly("endsAt");
        assertThat(fields(() -> DropTerms.validated(
                        NOW, STARTS, STARTS.plus(DropTerms.MAX_DURATION).plusSeconds(1), 10, 1, 1)))
                .containsExactly("endsAt");
        DropTerms.validated(NOW, STARTS, STARTS.plus(DropTerms.MAX_DURATION), 10, 1, 1);
        Instant tooLate = NOW.plus(DropTerms.MAX_LEAD_TIME).plusSeconds(1);
        assertThat(fields(() -> DropTerms.validated(NOW, tooLate, tooLate.plusSeconds(60), 10, 1, 1)))
                .containsExactly("startsAt");
        // a drop whose start passed may still be scheduled while it has not ended
        DropTerms.validated(NOW, NOW.minusSeconds(60), NOW.plusSeconds(60), 10, 1, 1);
    }

    @Test
    void anEditKeepsWhatItDoesNotMention() {
        Drop drop = DropFixtures.drop(STARTS, ENDS, 100, 20, 3, null);

        DropTerms terms = drop.rescheduled(NOW, plan(null, ENDS.plusSeconds(600), null, null, null));

        assertThat(terms).isEqualTo(new DropTerms(STARTS, ENDS.plusSeconds(600), 100, 20, 3));
    }

    @Test
    void anUntouchedThresholdFollowsASmallerStockInsteadOfFailingTheEdit() {
        Drop drop = DropFixtures.drop(STARTS, ENDS, 100, 20, 1, null);

        assertThat(drop.rescheduled(NOW, plan(null, null, 50, null, null)).lowStockThreshold())
                .as("still below the new stock: kept")
                .isEqualTo(20);
        assertThat(drop.rescheduled(NOW, plan(null, null, 15, null, null)).lowStockThreshold())
                .as("not below the new stock: back to 10 %")
                .isEqualTo(1);
        assertThat(fields(() -> drop.rescheduled(NOW, plan(null, null, 15, 20, null))))
                .as("a threshold the edit names is checked, not adjusted")
                .containsExactly("lowStockThreshold");
    }

    @Test
    void anEditKeepsTheWaitingRoomUnlessItNamesIt() {
        Drop drop = DropFixtures.drop(STARTS, ENDS, 100, 20, 1, null);

        assertThat(drop.waitingRoomAfter(plan(null, null, 20, null, null))).isFalse();
        assertThat(drop.waitingRoomAfter(new DropPlan(null, null, null, null, null, null, true)))
                .isTrue();
    }

    private static java.util.List<String> fields(Runnable validation) {
        try {
            validation.run();
        } catch (ApiException e) {
            return e.violations().stream().map(FieldViolation::field).toList();
        }
        return java.util.List.of();
    }
}

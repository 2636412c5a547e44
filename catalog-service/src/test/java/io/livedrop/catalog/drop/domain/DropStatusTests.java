package io.livedrop.catalog.drop.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Where a drop is in its window at an instant, and when that stops being true: no Spring, no database. */
class DropStatusTests {

    static final Instant STARTS = Instant.parse("2026-03-01T12:00:00Z");
    static final Instant ENDS = STARTS.plus(Duration.ofHours(2));
    static final Duration MICRO = Duration.ofNanos(1_000);

    @Test
    void upcomingBeforeTheStartLiveFromTheStartEndedFromTheEnd() {
        assertThat(DropStatus.at(STARTS.minus(MICRO), STARTS, ENDS)).isEqualTo(DropStatus.UPCOMING);
        assertThat(DropStatus.at(STARTS, STARTS, ENDS)).isEqualTo(DropStatus.LIVE);
        assertThat(DropStatus.at(ENDS.minus(MICRO), STARTS, ENDS)).isEqualTo(DropStatus.LIVE);
        assertThat(DropStatus.at(ENDS, STARTS, ENDS)).isEqualTo(DropStatus.ENDED);
        assertThat(DropStatus.at(ENDS.plus(Duration.ofDays(1)), STARTS, ENDS)).isEqualTo(DropStatus.ENDED);
    }

    @Test
    void theNextChangeIsTheStartThenTheEndThenNone() {
        assertThat(DropStatus.nextChange(STARTS.minus(MICRO), STARTS, ENDS)).isEqualTo(STARTS);
        assertThat(DropStatus.nextChange(STARTS, STARTS, ENDS)).isEqualTo(ENDS);
        assertThat(DropStatus.nextChange(ENDS, STARTS, ENDS)).isNull();
    }

    @Test
    void theListFilterNamesAreTheJsonNames() {
        for (DropStatus status : DropStatus.values()) {
            assertThat(DropStatus.parse(status.json())).isEqualTo(status);
        }
        assertThatThrownBy(() -> DropStatus.parse("LIVE"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aDropIsEditableOnlyBeforeItStartsAndBeforeDropStartedFired() {
        Drop upcoming = DropFixtures.drop(STARTS, ENDS, 100, 10, 1, null);
        assertThat(upcoming.editableAt(STARTS.minus(MICRO))).isTrue();
        assertThat(upcoming.editableAt(STARTS)).isFalse();
        Drop alreadyAnnounced = DropFixtures.drop(STARTS, ENDS, 100, 10, 1, STARTS.minus(Duration.ofSeconds(1)));
        assertThat(alreadyAnnounced.editableAt(STARTS.minus(Duration.ofMinutes(1))))
                .as("drop.started fired early (a clock ahead on another instance)")
                .isFalse();
        assertThat(upcoming.statusAt(STARTS)).isEqualTo(DropStatus.LIVE);
    }
}

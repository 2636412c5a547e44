package io.livedrop.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.FieldViolation;
import io.livedrop.common.ids.Ids;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchIdsTests {

    private final UUID a = Ids.newId();
    private final UUID b = Ids.newId();
    private final UUID c = Ids.newId();

    @Test
    void commaSeparatedAndRepeatedValuesKeepTheAskedOrder() {
        assertThat(BatchIds.parse("ids", List.of(c + "," + a, " " + b + " "))).containsExactly(c, a, b);
    }

    @Test
    void anIdAskedTwiceIsAnsweredOnceAtItsFirstPosition() {
        assertThat(BatchIds.parse("ids", List.of(b.toString(), a.toString(), b.toString())))
                .containsExactly(b, a);
    }

    @Test
    void upperCaseIdsAreTheSameIds() {
        assertThat(BatchIds.parse("ids", List.of(a.toString().toUpperCase(Locale.ROOT))))
                .containsExactly(a);
    }

    @Test
    void missingOrEmptyIsRejected() {
        assertRejected(null, "is required: 1 to 100 comma-separated ids");
        assertRejected(List.of(), "is required: 1 to 100 comma-separated ids");
        assertRejected(List.of(""), "is required: 1 to 100 comma-separated ids");
    }

    @Test
    void aHundredIdsPassAndAHundredAndOneAreRejected() {
        List<String> hundred =
                IntStream.range(0, 100).mapToObj(i -> Ids.newId().toString()).toList();
        assertThat(BatchIds.parse("ids", hundred)).hasSize(100);

        List<String> tooMany = new ArrayList<>(hundred);
        tooMany.add(a.toString());
        assertRejected(List.of(String.join(",", tooMany)), "at most 100 ids, got 101");
    }

    @Test
    void malformedOrBlankEntriesAreRejectedByPosition() {
        assertRejected(List.of(a + ",nope"), "entry 2 is not an id");
        assertRejected(List.of(a + ",," + b), "entry 2 is not an id");
        assertRejected(List.of(a + ","), "entry 2 is not an id");
    }

    @Test
    void rowsComeBackInTheAskedOrderWithoutTheMissingOnes() {
        List<UUID> found = new ArrayList<>(List.of(a, c));
        Collections.shuffle(found);

        assertThat(BatchIds.inAskedOrder(List.of(c, b, a), found, id -> id)).containsExactly(c, a);
    }

    private static void assertRejected(List<String> values, String message) {
        ApiException rejected = catchThrowableOfType(ApiException.class, () -> BatchIds.parse("creatorIds", values));

        assertThat(rejected).as(String.valueOf(values)).isNotNull();
        assertThat(rejected.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(rejected.violations()).containsExactly(new FieldViolation("creatorIds", message));
    }
}

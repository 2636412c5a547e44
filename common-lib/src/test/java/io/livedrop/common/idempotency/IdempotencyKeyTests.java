package io.livedrop.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTests {

    @Test
    void acceptsVisibleAsciiUpToTheMaximumLength() {
        String longest = "k".repeat(IdempotencyKey.MAX_LENGTH);

        assertThat(IdempotencyKey.parse(longest).value()).isEqualTo(longest);
        assertThat(IdempotencyKey.parse("a!~Z-9").value()).isEqualTo("a!~Z-9");
    }

    @Test
    void rejectsMissingKeyAsMissing() {
        assertRejectedAsMissing(null);
        assertRejectedAsMissing("");
    }

    @Test
    void rejectsMalformedKeyAsMissing() {
        assertRejectedAsMissing("k".repeat(IdempotencyKey.MAX_LENGTH + 1));
        assertRejectedAsMissing("with space");
        assertRejectedAsMissing("ünïcode");
    }

    private static void assertRejectedAsMissing(String header) {
        assertThatThrownBy(() -> IdempotencyKey.parse(header))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_MISSING));
    }
}

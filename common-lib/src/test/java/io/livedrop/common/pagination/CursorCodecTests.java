package io.livedrop.common.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorCodecTests {

    private final CursorCodec codec = new CursorCodec("a-secret-of-sixteen+");

    @Test
    void roundTripsPositionValues() {
        String cursor = codec.encode("drops", "2026-11-23T10:00:00Z", "0190f1a2-0000-7000-8000-000000000001");

        assertThat(codec.decode("drops", cursor, 2))
                .isEqualTo(List.of("2026-11-23T10:00:00Z", "0190f1a2-0000-7000-8000-000000000001"));
    }

    @Test
    void rejectsCursorWithModifiedPayload() {
        String cursor = codec.encode("drops", "2026-11-23T10:00:00Z", "a");
        String forgedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("drops\u001f2020-01-01T00:00:00Z\u001fa".getBytes());
        String forged = forgedPayload + cursor.substring(cursor.indexOf('.'));

        assertInvalid(() -> codec.decode("drops", forged, 2));
    }

    @Test
    void rejectsCursorOfAnotherList() {
        String cursor = codec.encode("products", "x", "y");

        assertInvalid(() -> codec.decode("drops", cursor, 2));
    }

    @Test
    void rejectsCursorSignedWithAnotherSecret() {
        String cursor = new CursorCodec("another-secret-of-16").encode("drops", "x", "y");

        assertInvalid(() -> codec.decode("drops", cursor, 2));
    }

    @Test
    void rejectsGarbage() {
        assertInvalid(() -> codec.decode("drops", "not a cursor", 2));
        assertInvalid(() -> codec.decode("drops", "%%%.###", 2));
        assertInvalid(() -> codec.decode("drops", "", 2));
    }

    @Test
    void rejectsCursorWithWrongNumberOfValues() {
        String cursor = codec.encode("drops", "x");

        assertInvalid(() -> codec.decode("drops", cursor, 2));
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable decode) {
        assertThatThrownBy(decode)
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code())
                .isEqualTo(ErrorCode.INVALID_CURSOR);
    }
}

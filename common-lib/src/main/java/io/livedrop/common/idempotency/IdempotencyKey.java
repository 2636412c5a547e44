package io.livedrop.common.idempotency;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import java.util.regex.Pattern;

/**
 * The client's {@code Idempotency-Key} header: 1–255 visible ASCII characters (API.md). A missing
 * and a malformed key are both answered with 400 {@code IDEMPOTENCY_KEY_MISSING}: API.md defines no
 * other code for the header, and for the client both mean "send a usable key".
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    public static IdempotencyKey parse(String header) {
        if (header == null || header.isEmpty()) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_MISSING, "The Idempotency-Key header is required");
        }
        if (!VISIBLE_ASCII.matcher(header).matches()) {
            throw new ApiException(
                    ErrorCode.IDEMPOTENCY_KEY_MISSING,
                    "The Idempotency-Key header must be 1-" + MAX_LENGTH + " visible ASCII characters");
        }
        return new IdempotencyKey(header);
    }
}

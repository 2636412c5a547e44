package io.livedrop.common.error;

import io.livedrop.common.web.RequestLimitsProperties;

/**
 * A request body over the limit, raised while it is being read (a body without {@code Content-Length}
 * is only known to be too large once that many bytes have arrived): 413 {@code PAYLOAD_TOO_LARGE}.
 */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(long limit) {
        super(ErrorCode.PAYLOAD_TOO_LARGE, RequestLimitsProperties.tooLargeDetail(limit));
    }
}

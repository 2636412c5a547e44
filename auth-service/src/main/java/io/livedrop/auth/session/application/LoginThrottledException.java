package io.livedrop.auth.session.application;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import java.time.Duration;

/** 429 {@code RATE_LIMITED} for a locked-out email, with the seconds until it may try again. */
public class LoginThrottledException extends ApiException {

    private final long retryAfterSeconds;

    public LoginThrottledException(Duration lockedFor) {
        this(Math.max(1, Math.ceilDiv(lockedFor.toMillis(), 1000L)));
    }

    private LoginThrottledException(long retryAfterSeconds) {
        super(
                ErrorCode.RATE_LIMITED,
                "Too many unsuccessful sign-ins for this email; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

package io.livedrop.catalog.browse.domain;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/** Collects rule violations across fields, then fails with one 400 listing all of them. */
public final class Validation {

    private final List<FieldViolation> violations = new ArrayList<>();

    public Validation check(boolean valid, String field, String message) {
        if (!valid) {
            violations.add(new FieldViolation(field, message));
        }
        return this;
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Request validation failed", violations);
        }
    }
}

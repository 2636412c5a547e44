package io.livedrop.common.error;

import java.util.List;

/** A failure the client caused or must know about; rendered as problem+json by the shared handlers. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldViolation> violations;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public ApiException(ErrorCode code, String detail, List<FieldViolation> violations) {
        super(detail, null, false, false);
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(
                ErrorCode.VALIDATION_FAILED, "Request validation failed", List.of(new FieldViolation(field, message)));
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}

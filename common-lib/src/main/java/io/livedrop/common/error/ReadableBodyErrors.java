package io.livedrop.common.error;

import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Explains why a request body could not be read, without echoing parser internals to the client. */
final class ReadableBodyErrors {

    private ReadableBodyErrors() {}

    static String describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof InvalidFormatException invalid
                && invalid.getTargetType().isEnum()) {
            return "Field '" + field(invalid) + "' must be one of "
                    + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (cause instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            return "Field '" + field(mismatched) + "' has the wrong type";
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return "Field '" + field(databind) + "' is invalid";
        }
        if (cause instanceof JacksonException) {
            return "Malformed JSON request body";
        }
        return "Request body is missing or unreadable";
    }

    private static String field(DatabindException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}

package io.livedrop.gateway.graphql;

/**
 * A service answered a GraphQL resolver's call with an error: its problem code (API.md) becomes the
 * GraphQL error's {@code extensions.code}.
 */
class BackendProblemException extends RuntimeException {

    private final int status;
    private final String code;

    BackendProblemException(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    boolean notFound() {
        return status == 404;
    }
}

package io.livedrop.gateway.graphql.client;

/**
 * A service answered a GraphQL resolver's call with an error: its problem code (API.md) becomes the
 * GraphQL error's {@code extensions.code}.
 */
public class BackendProblemException extends RuntimeException {

    private final int status;
    private final String code;

    public BackendProblemException(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    boolean notFound() {
        return status == 404;
    }
}

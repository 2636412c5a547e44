package io.livedrop.gateway.graphql;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;

/** The fields and mutations that act for the caller need one. */
final class SignedIn {

    private SignedIn() {}

    static void require(Caller caller) {
        if (!caller.signedIn()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "Sign in first: send Authorization: Bearer <token>");
        }
    }
}

package io.livedrop.gateway.graphql.web;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.gateway.graphql.client.Caller;

/** The fields and mutations that act for the caller need one. */
final class SignedIn {

    private SignedIn() {}

    static void require(Caller caller) {
        if (!caller.signedIn()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "Sign in first: send Authorization: Bearer <token>");
        }
    }
}

package io.livedrop.gateway.graphql.client;

import graphql.GraphQLContext;

/**
 * Who sent the GraphQL request: the {@code Authorization} header the security chain has already
 * verified (null when anonymous), forwarded unchanged to the services for caller-specific data, and
 * the request id, forwarded so one request is traceable through every backend call it makes.
 */
public record Caller(String authorization, String requestId) {

    public static final String CONTEXT_KEY = "caller";

    public static Caller of(GraphQLContext context) {
        Caller caller = context.get(CONTEXT_KEY);
        return caller != null ? caller : new Caller(null, null);
    }

    public boolean signedIn() {
        return authorization != null;
    }
}

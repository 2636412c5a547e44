package io.livedrop.gateway.security.web;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * The endpoints API.md marks <b>P</b> (public) and the gateway's own public pages. Everything else
 * under {@code /api/**} needs a user token.
 */
public final class PublicEndpoints {

    /** Path patterns match whole segments: {@code /api/users/*} is not {@code /api/users/7/following}. */
    public static final ServerWebExchangeMatcher API = new OrServerWebExchangeMatcher(
            pathMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login", "/api/auth/refresh"),
            pathMatchers(
                    HttpMethod.GET,
                    "/api/users/*",
                    "/api/creators",
                    "/api/creators/*",
                    "/api/products",
                    "/api/products/*",
                    "/api/drops",
                    "/api/drops/*"));

    /**
     * {@code GET /api/users/me} has the shape of the public {@code GET /api/users/{id}}; it is matched
     * first and needs a user.
     */
    public static final ServerWebExchangeMatcher SIGNED_IN_LOOKALIKES = pathMatchers(HttpMethod.GET, "/api/users/me");

    public static final String[] GATEWAY_PAGES = {
        "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"
    };

    /**
     * The GraphQL endpoint (queries, and the subscriptions' WebSocket) and its GraphiQL page: open to
     * anonymous callers; a user token makes the caller-specific fields answer.
     */
    public static final ServerWebExchangeMatcher GRAPHQL = pathMatchers("/graphql", "/graphiql", "/graphiql/**");

    /** The endpoints that carry a realtime token in the {@code token} query parameter. */
    public static final ServerWebExchangeMatcher REALTIME = pathMatchers("/ws", "/api/realtime/sse");

    private PublicEndpoints() {}
}

package io.livedrop.gateway.ratelimit;

import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Which bucket a request takes its token from. Each request takes from exactly one: the stricter
 * buckets are separate from (not on top of) the standard one.
 */
enum RateLimitPolicy {
    STANDARD,
    /** Sign-up, login, refresh, logout: the targets of credential stuffing, mostly anonymous. */
    AUTH,
    /** Placing orders: the flash-sale hot path, where a script could grab stock. */
    ORDERS;

    static RateLimitPolicy of(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        if (path.startsWith("/api/auth/")) {
            return AUTH;
        }
        if (HttpMethod.POST.equals(request.getMethod())
                && (path.equals("/api/orders") || path.equals("/api/orders/"))) {
            return ORDERS;
        }
        return STANDARD;
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.livedrop.gateway.ratelimit.domain;

import java.util.Locale;

/**
 * Which bucket a request takes its token from. Each request takes from exactly one: the stricter
 * buckets are separate from (not on top of) the standard one. {@code RateLimitPolicyResolver} picks
 * the policy of an HTTP request.
 */
public enum RateLimitPolicy {
    STANDARD,
    /**
     * Sign-up, login, refresh, logout: the targets of credential stuffing. Always per client IP, also
     * when a token is attached (a stream of fresh accounts' tokens must not buy fresh buckets).
     */
    AUTH,
    /** Placing orders: the flash-sale hot path, where a script could grab stock. */
    ORDERS;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

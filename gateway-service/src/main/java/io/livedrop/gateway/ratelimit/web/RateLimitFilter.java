package io.livedrop.gateway.ratelimit.web;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.gateway.ratelimit.application.RateLimitProperties;
import io.livedrop.gateway.ratelimit.application.RateLimitService;
import io.livedrop.gateway.ratelimit.domain.RateLimitPolicy;
import java.util.function.Function;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Token-bucket rate limiting of every routed request ({@link RateLimitService}: Spring Cloud Gateway's
 * {@code RedisRateLimiter}, with a timeout and fail-open). The caller is the signed-in user ({@code
 * sub}) or, anonymous, the client IP; the auth endpoints are always counted per client IP. Every answer
 * carries the {@code X-RateLimit-*} headers; a refused request gets 429 {@code RATE_LIMITED} problem+json
 * with {@code Retry-After}; a sign-in whose bucket cannot be checked gets 503 {@code
 * SERVICE_UNAVAILABLE}.
 *
 * <p>The library's own {@code RequestRateLimiter} route filter is not used: it answers an empty 429
 * (no problem+json body, no {@code Retry-After}), picks the limit by route where the policies here go
 * by method and path within a route, and cannot fail closed; and the GraphQL endpoint, which is not a
 * route, takes from the same buckets ({@link GraphQlRateLimitWebFilter}).
 *
 * <p>Runs after the route metrics filter (order 0), so 429s show up in them, and after overload
 * shedding (order 1), and before the route filters, so a refused request never reaches a circuit
 * breaker or a service.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    static final String REMAINING = "X-RateLimit-Remaining";
    static final String REPLENISH_RATE = "X-RateLimit-Replenish-Rate";
    static final String BURST_CAPACITY = "X-RateLimit-Burst-Capacity";

    private final RateLimitService rateLimits;
    private final RateLimitProperties properties;
    private final ClientAddressResolver clientAddresses;

    RateLimitFilter(RateLimitService rateLimits, RateLimitProperties properties) {
        this.rateLimits = rateLimits;
        this.properties = properties;
        this.clientAddresses = new ClientAddressResolver(properties.trustedProxies());
    }

    @Override
    public int getOrder() {
        return 2;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return limit(exchange, chain::filter);
    }

    /**
     * Takes a token for this request and goes on with {@code next}, or fails with {@code RATE_LIMITED}
     * (and the headers above); also used for the gateway's own GraphQL endpoint, which is not a route.
     */
    Mono<Void> limit(ServerWebExchange exchange, Function<ServerWebExchange, Mono<Void>> next) {
        RateLimitPolicy policy = RateLimitPolicyResolver.of(exchange.getRequest());
        RateLimitProperties.Limit limit = properties.limitFor(policy);
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(REPLENISH_RATE, limit.replenishRateHeader());
        headers.set(BURST_CAPACITY, Integer.toString(limit.burstCapacity()));
        boolean failClosed = properties.loginFailClosed() && RateLimitPolicyResolver.isLogin(exchange.getRequest());
        return caller(exchange, policy)
                .flatMap(caller -> rateLimits.take(policy, caller, routeId(exchange), failClosed))
                .flatMap(verdict -> apply(verdict, exchange, next));
    }

    private Mono<Void> apply(
            RateLimitService.Verdict verdict,
            ServerWebExchange exchange,
            Function<ServerWebExchange, Mono<Void>> next) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (!verdict.checked()) {
            return verdict.allowed() ? next.apply(exchange) : Mono.error(() -> failClosed(headers));
        }
        headers.set(REMAINING, Long.toString(verdict.remaining()));
        if (verdict.allowed()) {
            return next.apply(exchange);
        }
        long retryAfterSeconds = Math.max(1, Math.ceilDiv(verdict.waitMillis(), 1000L));
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return Mono.error(
                new ApiException(ErrorCode.RATE_LIMITED, "Too many requests; retry in " + retryAfterSeconds + " s"));
    }

    /**
     * {@code ip:<address>} for the auth endpoints, whoever asks: a token of a fresh account costs an
     * attacker one sign-up, so keying sign-in attempts by it would hand out unlimited buckets. Elsewhere
     * {@code user:<sub>} for any valid token (the security chain has checked it), else the IP.
     */
    private Mono<String> caller(ServerWebExchange exchange, RateLimitPolicy policy) {
        if (policy == RateLimitPolicy.AUTH) {
            return Mono.fromSupplier(() -> "ip:" + clientAddresses.resolve(exchange.getRequest()));
        }
        return exchange.getPrincipal()
                .filter(Authentication.class::isInstance)
                .map(principal -> "user:" + principal.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + clientAddresses.resolve(exchange.getRequest())));
    }

    /** A sign-in while its bucket cannot be checked: 503, the client retries shortly. */
    private static ApiException failClosed(HttpHeaders headers) {
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return new ApiException(
                ErrorCode.SERVICE_UNAVAILABLE, "Sign-in is temporarily unavailable; retry in a few seconds");
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        return route == null ? "none" : route.getId();
    }
}

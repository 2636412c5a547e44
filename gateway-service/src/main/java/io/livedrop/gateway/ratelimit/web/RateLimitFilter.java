package io.livedrop.gateway.ratelimit.web;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.gateway.ratelimit.application.RateLimitProperties;
import io.livedrop.gateway.ratelimit.application.RedisTokenBucket;
import io.livedrop.gateway.ratelimit.domain.RateLimitPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
 * Token-bucket rate limiting of every routed request, in Redis so all gateway instances share the
 * buckets. The caller is the signed-in user ({@code sub}) or, anonymous, the client IP; the auth
 * endpoints are always counted per client IP. Every answer carries the {@code X-RateLimit-*}
 * headers; a refused request gets 429 {@code RATE_LIMITED} with {@code Retry-After}.
 *
 * <p>Redis down or slower than {@code RATE_LIMIT_REDIS_TIMEOUT}: the request passes unlimited (fail
 * open), counted in {@code livedrop_gateway_ratelimit_failopen_total} with a throttled warning. An
 * outage of a protective cache must not become an outage of the whole API; the services' own limits
 * (idempotency, per-user drop limits, stock) still hold. The exception is {@code POST
 * /api/auth/login} ({@code RATE_LIMIT_LOGIN_FAIL_CLOSED}, default on): there the limit is a security
 * control against password guessing across accounts, so it fails closed with 503 {@code
 * SERVICE_UNAVAILABLE} ({@code livedrop_gateway_ratelimit_failclosed_total}); signed-in users keep
 * working (access tokens and refresh do not need it).
 *
 * <p>Runs after the route metrics filter (order 0), so 429s show up in them, and after overload
 * shedding (order 1), and before the route filters, so a refused request never reaches a circuit
 * breaker or a service.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitFilter implements GlobalFilter, Ordered {

    static final String REMAINING = "X-RateLimit-Remaining";
    static final String REPLENISH_RATE = "X-RateLimit-Replenish-Rate";
    static final String BURST_CAPACITY = "X-RateLimit-Burst-Capacity";

    private static final String RATE_LIMITED = "livedrop.gateway.ratelimited";
    private static final String FAIL_OPEN = "livedrop.gateway.ratelimit.failopen";
    private static final String FAIL_CLOSED = "livedrop.gateway.ratelimit.failclosed";

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final RedisTokenBucket buckets;
    private final RateLimitProperties properties;
    private final ClientAddressResolver clientAddresses;
    private final MeterRegistry meters;
    private final Clock clock;
    private final AtomicReference<Instant> lastFailOpenWarning = new AtomicReference<>(Instant.EPOCH);
    private final AtomicLong failOpensSinceWarning = new AtomicLong();

    RateLimitFilter(RedisTokenBucket buckets, RateLimitProperties properties, MeterRegistry meters, Clock clock) {
        this.buckets = buckets;
        this.properties = properties;
        this.clientAddresses = new ClientAddressResolver(properties.trustedProxies());
        this.meters = meters;
        this.clock = clock;
        registerStrictBucketCounters();
    }

    /**
     * The strict buckets' counters start at zero, so dashboards and alerts see a series (and
     * {@code increase()} counts the first hit) before anything was limited.
     */
    private void registerStrictBucketCounters() {
        Map.of("auth", RateLimitPolicy.AUTH, "orders", RateLimitPolicy.ORDERS).forEach((route, policy) -> {
            counter(RATE_LIMITED, route, policy);
            counter(FAIL_OPEN, route, policy);
        });
        counter(FAIL_CLOSED, "auth", RateLimitPolicy.AUTH);
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
        return caller(exchange, policy)
                .flatMap(caller ->
                        buckets.take(policy.tag() + ":" + caller, limit).timeout(properties.redisTimeout()))
                .map(Optional::of)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no answer from the rate-limit script")))
                .onErrorResume(failure -> {
                    if (properties.loginFailClosed() && RateLimitPolicyResolver.isLogin(exchange.getRequest())) {
                        return Mono.error(failClosed(exchange, policy, failure));
                    }
                    failOpen(exchange, policy, failure);
                    return Mono.just(Optional.empty());
                })
                .flatMap(verdict ->
                        verdict.isEmpty() ? next.apply(exchange) : apply(verdict.get(), policy, exchange, next));
    }

    private Mono<Void> apply(
            RedisTokenBucket.Verdict verdict,
            RateLimitPolicy policy,
            ServerWebExchange exchange,
            Function<ServerWebExchange, Mono<Void>> next) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(REMAINING, Long.toString(verdict.remaining()));
        if (verdict.allowed()) {
            return next.apply(exchange);
        }
        long retryAfterSeconds = Math.max(1, Math.ceilDiv(verdict.waitMillis(), 1000L));
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        counter(RATE_LIMITED, exchange, policy).increment();
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

    private void failOpen(ServerWebExchange exchange, RateLimitPolicy policy, Throwable failure) {
        counter(FAIL_OPEN, exchange, policy).increment();
        warnThrottled(failure);
    }

    /** A sign-in while its bucket cannot be checked: 503, the client retries shortly. */
    private ApiException failClosed(ServerWebExchange exchange, RateLimitPolicy policy, Throwable failure) {
        counter(FAIL_CLOSED, exchange, policy).increment();
        warnThrottled(failure);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return new ApiException(
                ErrorCode.SERVICE_UNAVAILABLE, "Sign-in is temporarily unavailable; retry in a few seconds");
    }

    private void warnThrottled(Throwable failure) {
        long skipped = failOpensSinceWarning.incrementAndGet();
        Instant now = clock.instant();
        Instant last = lastFailOpenWarning.get();
        if (now.isAfter(last.plus(WARN_EVERY)) && lastFailOpenWarning.compareAndSet(last, now)) {
            failOpensSinceWarning.set(0);
            log.warn(
                    "Rate limiting is not enforced: Redis failed or took longer than {} ({} requests let through"
                            + " unlimited, or sign-ins refused, since the last warning): {}",
                    properties.redisTimeout(),
                    skipped,
                    failure.toString());
        }
    }

    private Counter counter(String name, ServerWebExchange exchange, RateLimitPolicy policy) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        return counter(name, route == null ? "none" : route.getId(), policy);
    }

    private Counter counter(String name, String route, RateLimitPolicy policy) {
        return Counter.builder(name)
                .tag("route", route)
                .tag("policy", policy.tag())
                .register(meters);
    }
}

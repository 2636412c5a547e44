package io.livedrop.gateway.ratelimit.application;

import io.livedrop.gateway.ratelimit.domain.RateLimitPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Takes a token from a caller's bucket with Spring Cloud Gateway's {@link RedisRateLimiter}: its
 * token-bucket Lua script, one atomic call in Redis, so all gateway instances share the buckets. This
 * decorator adds what the library does not have:
 *
 * <ul>
 *   <li><b>A timeout, fail open.</b> Redis down or slower than {@code RATE_LIMIT_REDIS_TIMEOUT}: the
 *       request passes unlimited, counted in {@code livedrop_gateway_ratelimit_failopen_total} with a
 *       throttled warning. (The library lets a failed call through too, answering {@code -1} tokens
 *       left, but waits for Redis as long as Redis takes and logs every failure.) An outage of a
 *       protective cache must not become an outage of the whole API; the services' own limits
 *       (idempotency, per-user drop limits, stock) still hold. The exception is {@code POST
 *       /api/auth/login} ({@code RATE_LIMIT_LOGIN_FAIL_CLOSED}, default on): there the limit is a
 *       security control against password guessing across accounts, so it fails closed ({@code
 *       livedrop_gateway_ratelimit_failclosed_total}); signed-in users keep working (access tokens and
 *       refresh do not need it).
 *   <li><b>Metrics</b> of refused requests per route and policy ({@code livedrop_gateway_ratelimited_total}).
 *   <li><b>The wait until the next token</b>, for {@code Retry-After}.
 *   <li><b>Fractional rates</b> ({@code 0.5} a second): the library's rates are whole tokens a
 *       second, so a rate with decimals is scaled the way its documentation suggests for rates below
 *       one a second, each request taking {@code 10^decimals} tokens.
 * </ul>
 *
 * <p>The library's script counts whole tokens left: the wait is computed from them and rounded up to
 * whole seconds.
 */
@Service
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitService {

    private static final String RATE_LIMITED = "livedrop.gateway.ratelimited";
    private static final String FAIL_OPEN = "livedrop.gateway.ratelimit.failopen";
    private static final String FAIL_CLOSED = "livedrop.gateway.ratelimit.failclosed";

    private static final Logger log = LoggerFactory.getLogger(RateLimitService.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    /** Decimals of a rate honoured at most: 0.000001 tokens a second. */
    private static final int MAX_RATE_DECIMALS = 6;

    private final RedisRateLimiter limiter;
    private final RateLimitProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, RateLimitProperties.Limit> registered = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastFailOpenWarning = new AtomicReference<>(Instant.EPOCH);
    private final AtomicLong failOpensSinceWarning = new AtomicLong();

    public RateLimitService(
            RedisRateLimiter limiter, RateLimitProperties properties, MeterRegistry meters, Clock clock) {
        this.limiter = limiter;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        for (RateLimitPolicy policy : RateLimitPolicy.values()) {
            register(policy.tag(), properties.limitFor(policy));
        }
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

    /**
     * Takes a token from {@code caller}'s bucket of {@code policy}. Never fails: when Redis cannot
     * answer in time the verdict is unchecked, and allowed unless {@code failClosed}.
     *
     * @param caller {@code user:<sub>} or {@code ip:<address>}
     * @param route the gateway route, for the metrics
     */
    public Mono<Verdict> take(RateLimitPolicy policy, String caller, String route, boolean failClosed) {
        return take(policy.tag(), properties.limitFor(policy), caller)
                .timeout(properties.redisTimeout())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no answer from the rate limiter")))
                .doOnNext(verdict -> {
                    if (!verdict.allowed()) {
                        counter(RATE_LIMITED, route, policy).increment();
                    }
                })
                .onErrorResume(failure -> {
                    counter(failClosed ? FAIL_CLOSED : FAIL_OPEN, route, policy).increment();
                    warnThrottled(failure);
                    return Mono.just(Verdict.unchecked(!failClosed));
                });
    }

    /**
     * One call of the library's script: {@code bucket} is the library's route id (the policy), {@code
     * caller} its key; fails when Redis did not answer.
     */
    Mono<Verdict> take(String bucket, RateLimitProperties.Limit limit, String caller) {
        RedisRateLimiter.Config config = register(bucket, limit);
        return Mono.defer(() -> limiter.isAllowed(bucket, caller)).map(response -> verdict(response, config));
    }

    private RedisRateLimiter.Config register(String bucket, RateLimitProperties.Limit limit) {
        RateLimitProperties.Limit known = registered.get(bucket);
        if (known == null) {
            synchronized (registered) {
                known = registered.get(bucket);
                if (known == null) {
                    limiter.getConfig().put(bucket, config(limit));
                    registered.put(bucket, limit);
                    known = limit;
                }
            }
        }
        if (!known.equals(limit)) {
            throw new IllegalArgumentException("Bucket " + bucket + " already has the limit " + known);
        }
        return limiter.getConfig().get(bucket);
    }

    /** The limit in the library's whole tokens: {@code 0.5}/s with 10 is 5 tokens/s, 100 of them, 10 a request. */
    static RedisRateLimiter.Config config(RateLimitProperties.Limit limit) {
        int decimals = Math.clamp(
                BigDecimal.valueOf(limit.replenishRate()).stripTrailingZeros().scale(), 0, MAX_RATE_DECIMALS);
        int tokensPerRequest = (int) Math.pow(10, decimals);
        int rate = (int) Math.max(1, Math.round(limit.replenishRate() * tokensPerRequest));
        long capacity = (long) limit.burstCapacity() * tokensPerRequest;
        // the script keeps a bucket for 2 × capacity / rate seconds, rounded down: never for 0
        if (capacity * 2 < rate) {
            throw new IllegalArgumentException("A burst capacity below half the replenish rate would never be"
                    + " stored by the rate limiter's script: " + limit);
        }
        return new RedisRateLimiter.Config()
                .setReplenishRate(rate)
                .setBurstCapacity(capacity)
                .setRequestedTokens(tokensPerRequest);
    }

    /**
     * The library's answer in requests and milliseconds. It reports a failed Redis call as allowed
     * with {@code -1} tokens left, which is a failure here.
     */
    private static Verdict verdict(RateLimiter.Response response, RedisRateLimiter.Config config) {
        String left = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
        long tokensLeft = left == null ? -1 : Long.parseLong(left);
        if (tokensLeft < 0) {
            throw new IllegalStateException("the rate limiter could not call Redis");
        }
        long remaining = tokensLeft / config.getRequestedTokens();
        if (response.isAllowed()) {
            return new Verdict(true, true, remaining, 0);
        }
        long seconds = Math.max(1, Math.ceilDiv(config.getRequestedTokens() - tokensLeft, config.getReplenishRate()));
        return new Verdict(true, false, remaining, seconds * 1000);
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

    private Counter counter(String name, String route, RateLimitPolicy policy) {
        return Counter.builder(name)
                .tag("route", route)
                .tag("policy", policy.tag())
                .register(meters);
    }

    /**
     * @param checked whether Redis answered; when not, {@code allowed} says whether to fail open
     * @param allowed whether the request may pass
     * @param remaining whole requests left in the bucket ({@code -1} when unchecked)
     * @param waitMillis when refused: how long until a token is available
     */
    public record Verdict(boolean checked, boolean allowed, long remaining, long waitMillis) {

        static Verdict unchecked(boolean allowed) {
            return new Verdict(false, allowed, -1, 0);
        }
    }
}

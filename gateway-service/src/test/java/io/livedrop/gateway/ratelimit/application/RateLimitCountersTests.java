package io.livedrop.gateway.ratelimit.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

/** Alerts on the strict buckets need a zero series before the first request is limited or let through. */
class RateLimitCountersTests {

    private static final RateLimitProperties.Limit LIMIT = new RateLimitProperties.Limit(1, 1);

    @ParameterizedTest
    @CsvSource({
        "livedrop.gateway.ratelimited, auth, auth",
        "livedrop.gateway.ratelimited, orders, orders",
        "livedrop.gateway.ratelimit.failopen, auth, auth",
        "livedrop.gateway.ratelimit.failopen, orders, orders",
        "livedrop.gateway.ratelimit.failclosed, auth, auth"
    })
    void strictBucketCountersExistAtZeroFromTheStart(String name, String route, String policy) {
        MeterRegistry meters = new SimpleMeterRegistry();
        var properties = new RateLimitProperties(Duration.ofMillis(50), List.of(), LIMIT, LIMIT, LIMIT, true);

        new RateLimitService(new RedisRateLimiter(1, 1), properties, meters, Clock.systemUTC());

        Counter counter =
                meters.find(name).tag("route", route).tag("policy", policy).counter();
        assertThat(counter).isNotNull();
        assertThat(counter.count()).isZero();
    }
}

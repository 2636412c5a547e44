package io.livedrop.common.overload;

import com.netflix.concurrency.limits.limit.AIMDLimit;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The one limit algorithm of the fleet's shedding (services and gateway): AIMD against a latency
 * target. On one machine (or a shared node) every service's latency rises with the CPU they all
 * share, and a gradient limit then sinks; a target keeps as much work in flight as still finishes in
 * time. A request slower than the target, failed or 5xx multiplies the limit by 0.9; each one within
 * it lets the limit grow by one.
 */
public final class AdaptiveLimits {

    private static final double BACKOFF_RATIO = 0.9;

    private AdaptiveLimits() {}

    public static AIMDLimit aimd(int initialLimit, int minLimit, int maxLimit, Duration latencyTarget) {
        return AIMDLimit.newBuilder()
                .initialLimit(initialLimit)
                .minLimit(minLimit)
                .maxLimit(maxLimit)
                .backoffRatio(BACKOFF_RATIO)
                .timeout(latencyTarget.toNanos(), TimeUnit.NANOSECONDS)
                .build();
    }
}

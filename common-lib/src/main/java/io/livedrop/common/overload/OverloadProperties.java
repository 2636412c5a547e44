package io.livedrop.common.overload;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Load shedding of a service's expensive endpoints ({@code livedrop.overload.*}).
 *
 * @param endpoints {@code "METHOD /path"} entries sharing one adaptive concurrency limit; none = off
 * @param initialLimit requests in flight allowed before the limit has learned anything
 * @param minLimit the limit never falls below this (a sale keeps moving even when latency is poor)
 * @param maxLimit the limit never grows beyond this
 * @param retryAfter what a shed request is told to wait ({@code Retry-After}, whole seconds)
 * @param latencyTarget a request slower than this counts as a sign of overload: the limit backs off
 *     (multiplied by 0.9) and grows by one again only while requests finish within it
 */
@Validated
@ConfigurationProperties("livedrop.overload")
public record OverloadProperties(
        @DefaultValue List<String> endpoints,
        @Min(1) @DefaultValue("10") int initialLimit,
        @Min(1) @DefaultValue("2") int minLimit,
        @Min(1) @DefaultValue("200") int maxLimit,
        @NotNull @DefaultValue("1s") Duration retryAfter,
        @NotNull @DefaultValue("1s") Duration latencyTarget) {

    public boolean enabled() {
        return !endpoints.isEmpty();
    }
}

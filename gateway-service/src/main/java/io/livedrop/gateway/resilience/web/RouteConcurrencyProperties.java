package io.livedrop.gateway.resilience.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Adaptive concurrency limits of the gateway's write routes (their {@code POST}s: placing an order,
 * paying; reads are never shed here).
 *
 * @param routes the route ids with a limit each (e.g. orders, payments); none = off
 * @param initialLimit requests of a route in flight before the limit has learned anything
 * @param minLimit the limit never falls below this
 * @param maxLimit the limit never grows beyond this
 * @param retryAfter what a shed request is told to wait ({@code Retry-After}, whole seconds)
 * @param latencyTarget a write slower than this counts as a sign of overload: the route's limit backs
 *     off (multiplied by 0.9) and grows by one again only while writes finish within it
 */
@Validated
@ConfigurationProperties("livedrop.gateway.overload")
record RouteConcurrencyProperties(
        @DefaultValue Set<String> routes,
        @Min(1) @DefaultValue("200") int initialLimit,
        @Min(1) @DefaultValue("10") int minLimit,
        @Min(1) @DefaultValue("1000") int maxLimit,
        @NotNull @DefaultValue("1s") Duration retryAfter,
        @NotNull @DefaultValue("2s") Duration latencyTarget) {}

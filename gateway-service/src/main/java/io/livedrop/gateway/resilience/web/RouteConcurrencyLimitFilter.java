package io.livedrop.gateway.resilience.web;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.overload.AdaptiveLimits;
import io.livedrop.gateway.problem.web.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Sheds the writes of the order and payment routes at the gateway once as many of them are in flight
 * as an adaptive limit allows (Netflix concurrency-limits, AIMD against {@code
 * GATEWAY_OVERLOAD_LATENCY_TARGET}: the limit grows by one while writes finish within the target and
 * backs off when one is slower or the service answers 5xx). A shed request is an immediate 503 {@code
 * SERVICE_UNAVAILABLE} with {@code Retry-After}, instead of queueing until the route's timeout turns
 * it into a 504. The services shed too ({@code OVERLOAD_*}); this keeps the work the gateway lets
 * through to what the route still answers in time.
 *
 * <p>Runs right after the route metrics filter and before the rate limit: a shed request costs no
 * Redis call. Reads ({@code GET}) are never shed here.
 */
@Component
@EnableConfigurationProperties(RouteConcurrencyProperties.class)
class RouteConcurrencyLimitFilter implements GlobalFilter, Ordered {

    private final Map<String, Limiter<Void>> limiters = new HashMap<>();
    private final Map<String, Counter> shed = new HashMap<>();
    private final ProblemResponses problems;
    private final String retryAfterSeconds;

    RouteConcurrencyLimitFilter(
            RouteConcurrencyProperties properties, ProblemResponses problems, MeterRegistry meters) {
        this.problems = problems;
        this.retryAfterSeconds =
                Long.toString(Math.max(1, properties.retryAfter().toSeconds()));
        for (String route : properties.routes()) {
            AIMDLimit limit = AdaptiveLimits.aimd(
                    properties.initialLimit(),
                    properties.minLimit(),
                    properties.maxLimit(),
                    properties.latencyTarget());
            limiters.put(
                    route, SimpleLimiter.newBuilder().named(route).limit(limit).build());
            Gauge.builder("livedrop.gateway.overload.limit", limit, AIMDLimit::getLimit)
                    .tag("route", route)
                    .register(meters);
            shed.put(
                    route,
                    Counter.builder("livedrop.gateway.overload.shed")
                            .description("Requests answered 503 at once because too many of the route's were in flight")
                            .tag("route", route)
                            .register(meters));
        }
    }

    @Override
    public int getOrder() {
        return 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        Limiter<Void> limiter = route == null ? null : limiters.get(route.getId());
        if (limiter == null || exchange.getRequest().getMethod() != HttpMethod.POST) {
            return chain.filter(exchange);
        }
        Optional<Limiter.Listener> admitted = limiter.acquire(null);
        if (admitted.isEmpty()) {
            shed.get(route.getId()).increment();
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
            return problems.write(
                    exchange,
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Too many requests in progress; retry after " + retryAfterSeconds
                            + " s with the same Idempotency-Key");
        }
        Limiter.Listener inFlight = admitted.get();
        AtomicBoolean released = new AtomicBoolean();
        return chain.filter(exchange).doFinally(signal -> {
            if (released.compareAndSet(false, true)) {
                release(inFlight, signal, exchange.getResponse().getStatusCode());
            }
        });
    }

    private static void release(Limiter.Listener inFlight, SignalType signal, HttpStatusCode status) {
        if (signal == SignalType.CANCEL || (status != null && HttpStatus.SERVICE_UNAVAILABLE.isSameCodeAs(status))) {
            // the client left, or the service shed the request itself (it has its own limit): neither
            // says the gateway lets too much through; backing off on them would shed twice
            inFlight.onIgnore();
        } else if (signal == SignalType.ON_ERROR || status == null || status.is5xxServerError()) {
            inFlight.onDropped();
        } else {
            inFlight.onSuccess();
        }
    }
}

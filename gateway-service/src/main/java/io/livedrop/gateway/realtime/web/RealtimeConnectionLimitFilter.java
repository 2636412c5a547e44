package io.livedrop.gateway.realtime.web;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import com.sun.management.UnixOperatingSystemMXBean;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.gateway.problem.web.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Caps the realtime connections the gateway relays at once. Each holds two file descriptors (the
 * client's socket and the service's), so without a cap a crowd of sockets takes the last descriptor
 * and the API fails with "too many open files" (a 10,000-socket run made {@code POST /api/drops} a
 * 500). Over the cap a connection is refused before the handshake: 503 {@code SERVICE_UNAVAILABLE}
 * with {@code Retry-After} (API.md "Overload"); the web client reconnects after it.
 *
 * <p>A WebSocket's place is given back when the client's connection closes or its handshake fails (an
 * upgraded socket's exchange completes at the handshake, long before the socket ends); an SSE
 * stream's when the stream ends or its client leaves.
 */
@Component
@EnableConfigurationProperties(RealtimeConnectionProperties.class)
class RealtimeConnectionLimitFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RealtimeConnectionLimitFilter.class);

    private final RealtimeConnectionProperties properties;
    private final ProblemResponses problems;
    private final int maxConnections;
    private final String retryAfterSeconds;
    private final Semaphore places;
    private final Counter refused;

    RealtimeConnectionLimitFilter(
            RealtimeConnectionProperties properties, ProblemResponses problems, MeterRegistry meters) {
        this.properties = properties;
        this.problems = problems;
        long openFiles = openFilesLimit();
        this.maxConnections = properties.maxConnections(openFiles);
        this.places = new Semaphore(maxConnections);
        this.retryAfterSeconds =
                Long.toString(Math.max(1, properties.retryAfter().toSeconds()));
        log.info("Relaying at most {} realtime connections at once (open-files limit {})", maxConnections, openFiles);
        Gauge.builder("livedrop.gateway.realtime.connections", places, free -> maxConnections - free.availablePermits())
                .description("Realtime connections (WebSocket, SSE) the gateway relays now")
                .register(meters);
        Gauge.builder("livedrop.gateway.realtime.connections.limit", () -> maxConnections)
                .description("Realtime connections the gateway relays at most")
                .register(meters);
        this.refused = Counter.builder("livedrop.gateway.realtime.refused")
                .description("Realtime connections answered 503 because the gateway relayed as many as it may")
                .register(meters);
    }

    private static long openFilesLimit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount()
                : -1;
    }

    @Override
    public int getOrder() {
        return 1; // before the rate limit: a refused connection costs no Redis call
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null || !properties.routes().contains(route.getId())) {
            return chain.filter(exchange);
        }
        if (!places.tryAcquire()) {
            refused.increment();
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
            return problems.write(
                    exchange,
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Too many realtime connections; reconnect after " + retryAfterSeconds + " s with lastEventId");
        }
        Slot slot = new Slot();
        if (isWebSocket(exchange)
                && ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof Connection client) {
            // an upgraded socket outlives its exchange, which completes at the handshake
            slot.releaseWhenClosed(client);
            return chain.filter(exchange).doOnError(error -> slot.release());
        }
        // an SSE stream: the exchange lasts as long as the stream (a client gone cancels it)
        return chain.filter(exchange).doFinally(signal -> slot.release());
    }

    private static boolean isWebSocket(ServerWebExchange exchange) {
        return "websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade());
    }

    /** One connection's place, given back once. */
    private final class Slot {
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile Disposable closeWatch = Disposables.disposed();

        /**
         * Gives the place back when the client's connection closes. The watch is a listener on the
         * connection, so it is removed on release: a keep-alive connection that carries refused
         * handshakes does not collect them.
         */
        void releaseWhenClosed(Connection client) {
            closeWatch = client.onDispose().subscribe(null, error -> release(), this::release);
            if (released.get()) {
                closeWatch.dispose();
            }
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                places.release();
                closeWatch.dispose();
            }
        }
    }
}

package io.livedrop.gateway;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * One {@link StubService} per downstream service for the whole test JVM, and the gateway settings the
 * tests rely on: short response timeout on the notification routes, 127.0.0.1 as a trusted proxy (so a
 * test picks its client IP with {@code X-Forwarded-For}), small buckets for the strict policies,
 * circuit breakers that open after a few failures.
 */
@TestConfiguration(proxyBeanMethods = false)
class StubUpstreams {

    static final StubService AUTH = StubService.start("auth-service");
    static final StubService CATALOG = StubService.start("catalog-service");
    static final StubService FOLLOWER = StubService.start("follower-service");
    static final StubService ORDER = StubService.start("order-service");
    static final StubService PAYMENT = StubService.start("payment-service");
    static final StubService NOTIFICATION = StubService.start("notification-service");
    static final StubRealtimeSocket REALTIME_SOCKET = StubRealtimeSocket.start();

    /** A built web client: index.html and one hashed asset, as Vite leaves them in web/dist. */
    static final java.nio.file.Path WEB_DIST = webDist();

    static final int NOTIFICATION_TIMEOUT_MS = 1500;
    static final int STRICT_BURST = 3;
    static final int STRICT_RATE = 1;
    static final int STANDARD_BURST = 2000;
    static final int BREAKER_MIN_CALLS = 4;

    @Bean
    DynamicPropertyRegistrar stubUpstreamProperties() {
        return registry -> {
            registry.add("AUTH_URL", AUTH::url);
            registry.add("CATALOG_URL", CATALOG::url);
            registry.add("FOLLOWER_URL", FOLLOWER::url);
            registry.add("ORDER_URL", ORDER::url);
            registry.add("PAYMENT_URL", PAYMENT::url);
            registry.add("NOTIFICATION_URL", NOTIFICATION::url);
            registry.add("NOTIFICATION_WS_URL", REALTIME_SOCKET::url);
            registry.add("WEB_DIST_DIR", WEB_DIST::toString);
            registry.add("GATEWAY_NOTIFICATION_TIMEOUT_MS", () -> NOTIFICATION_TIMEOUT_MS);
            registry.add("GATEWAY_TRUSTED_PROXIES", () -> "127.0.0.1,::1");
            // generous on a shared, slow machine: a slow Redis answer must not fail open mid-test
            registry.add("RATE_LIMIT_REDIS_TIMEOUT", () -> "5s");
            registry.add("RATE_LIMIT_DEFAULT_REPLENISH_RATE", () -> STANDARD_BURST / 2);
            registry.add("RATE_LIMIT_DEFAULT_BURST_CAPACITY", () -> STANDARD_BURST);
            registry.add("RATE_LIMIT_AUTH_REPLENISH_RATE", () -> STRICT_RATE);
            registry.add("RATE_LIMIT_AUTH_BURST_CAPACITY", () -> STRICT_BURST);
            registry.add("RATE_LIMIT_ORDERS_REPLENISH_RATE", () -> STRICT_RATE);
            registry.add("RATE_LIMIT_ORDERS_BURST_CAPACITY", () -> STRICT_BURST);
            registry.add("GATEWAY_CB_MIN_CALLS", () -> BREAKER_MIN_CALLS);
            registry.add("GATEWAY_CB_WINDOW", () -> BREAKER_MIN_CALLS);
            registry.add("GATEWAY_CB_OPEN_DURATION", () -> "5m");
        };
    }

    private static java.nio.file.Path webDist() {
        try {
            java.nio.file.Path dist = java.nio.file.Files.createTempDirectory("livedrop-web-dist");
            java.nio.file.Files.createDirectories(dist.resolve("assets"));
            java.nio.file.Files.writeString(
                    dist.resolve("index.html"), "<!doctype html><title>LiveDrop</title><div id=\"root\"></div>");
            java.nio.file.Files.writeString(dist.resolve("assets/index-abc123.js"), "console.log('app')");
            java.nio.file.Files.writeString(dist.resolve("favicon.svg"), "<svg/>");
            dist.toFile().deleteOnExit();
            return dist;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

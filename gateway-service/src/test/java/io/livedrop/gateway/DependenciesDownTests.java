package io.livedrop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.security.SecurityProperties;
import io.livedrop.common.test.TestJwtIssuer;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The gateway when its own dependencies are gone (a second Spring context whose Redis and JWKS are on
 * ports where nothing listens). Redis down: requests pass without rate limiting (fail open), counted
 * in {@code livedrop_gateway_ratelimit_failopen_total}, except sign-ins, which get 503 (fail closed).
 * JWKS unreachable: a token cannot be checked, which is 503, not a 401 that would tell the client its
 * token is bad.
 */
@Import(DependenciesDownTests.UnreachableDependencies.class)
class DependenciesDownTests extends GatewayIntegrationTest {

    @Value("${local.management.port}")
    int managementPort;

    @Test
    void requestsPassUnlimitedAndAreCounted() {
        String ip = GatewayApi.randomClientIp();

        // far more than the auth bucket holds: nothing but sign-in is limited while Redis is away
        for (int i = 0; i < StubUpstreams.STRICT_BURST * 3; i++) {
            var reply = gateway.post("/api/auth/register").from(ip).send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.service()).isEqualTo("auth-service");
            assertThat(reply.header("X-RateLimit-Remaining")).isNull();
            assertThat(reply.header("X-RateLimit-Burst-Capacity"))
                    .isEqualTo(Integer.toString(StubUpstreams.STRICT_BURST));
        }

        assertThat(meters.get("livedrop.gateway.ratelimit.failopen")
                        .tag("route", "auth")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(StubUpstreams.STRICT_BURST * 3);
    }

    /** Sign-in throttling is a security control: without Redis, sign-ins wait instead of going unlimited. */
    @Test
    void loginFailsClosedWithServiceUnavailable() {
        int authHitsBefore = StubUpstreams.AUTH.hits();
        double failClosedBefore = failedClosed();

        for (String path : new String[] {"/api/auth/login", "/api/%61uth/login"}) {
            var reply = gateway.post(path).send();
            assertThat(reply.status()).as(path + ": " + reply).isEqualTo(503);
            assertThat(reply.code()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(reply.header("Retry-After")).isEqualTo("1");
            assertThat(reply.header("X-Request-Id")).isNotBlank();
        }

        assertThat(StubUpstreams.AUTH.hits()).isEqualTo(authHitsBefore);
        assertThat(failedClosed()).isEqualTo(failClosedBefore + 2);
    }

    private double failedClosed() {
        return meters.find("livedrop.gateway.ratelimit.failclosed").tag("route", "auth").counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    @Test
    void failOpenCounterIsOnThePrometheusPage() {
        gateway.get("/api/drops").send();

        String prometheus = new GatewayApi(managementPort)
                .get("/actuator/prometheus")
                .send()
                .response()
                .body();

        assertThat(prometheus).contains("livedrop_gateway_ratelimit_failopen_total{");
    }

    @Test
    void tokensThatCannotBeCheckedGiveServiceUnavailable() {
        var reply = gateway.get("/api/orders")
                .bearer(TestJwtIssuer.shared().userToken(UUID.randomUUID().toString()))
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(reply.header("X-Request-Id")).isNotBlank();
        // anonymous access to public endpoints does not need the keys
        assertThat(gateway.get("/api/drops").send().status()).isEqualTo(200);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class UnreachableDependencies {

        @Bean
        @Primary
        LettuceConnectionFactory unreachableRedis() throws Exception {
            return new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort()));
        }

        @Bean
        @Primary
        SecurityProperties unreachableJwks() throws Exception {
            return SecurityProperties.of(
                    "http://127.0.0.1:" + closedPort() + "/.well-known/jwks.json",
                    TestJwtIssuer.ISSUER,
                    java.time.Duration.ofSeconds(5));
        }

        private static int closedPort() throws Exception {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}

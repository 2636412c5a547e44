package io.livedrop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The documented Redis-down policy: requests pass without rate limiting (fail open), counted in
 * {@code livedrop_gateway_ratelimit_failopen_total}. The limiter talks to a port where nothing listens
 * (a second Spring context).
 */
@GatewayIntegrationTest
@Import(RedisDownTests.UnreachableRedis.class)
class RedisDownTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void requestsPassUnlimitedAndAreCounted() {
        GatewayClient gateway = new GatewayClient(port);
        String ip = GatewayClient.randomClientIp();

        // far more than the auth bucket holds: nothing is limited while Redis is away
        for (int i = 0; i < StubUpstreams.STRICT_BURST * 3; i++) {
            var reply = gateway.post("/api/auth/login").from(ip).send();
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

    @Test
    void failOpenCounterIsOnThePrometheusPage() {
        new GatewayClient(port).get("/api/drops").send();

        String prometheus = new GatewayClient(port)
                .get("/actuator/prometheus")
                .send()
                .response()
                .body();

        assertThat(prometheus).contains("livedrop_gateway_ratelimit_failopen_total{");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class UnreachableRedis {

        @Bean
        @Primary
        LettuceConnectionFactory unreachableRedis() throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            return new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort));
        }
    }
}

package io.livedrop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.ServiceSmokeTests;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@IntegrationTest
class GatewaySmokeTests extends ServiceSmokeTests {

    @DynamicPropertySource
    static void downstreamNotRunning(DynamicPropertyRegistry registry) throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            int closedPort = socket.getLocalPort();
            registry.add("AUTH_URL", () -> "http://127.0.0.1:" + closedPort);
        }
    }

    @Test
    void internalPathsAreNotRouted() throws Exception {
        var response = get("/internal/inventory/reservations");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
    }

    @Test
    void stoppedDownstreamAnswersServiceUnavailable() throws Exception {
        var response = get("/api/users/me");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }
}

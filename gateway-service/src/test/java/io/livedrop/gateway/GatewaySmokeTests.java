package io.livedrop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.ServiceSmokeTests;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** Shares the context of {@link GatewayIntegrationTest} (same annotations); it extends the common smoke tests instead. */
@IntegrationTest
@Import(StubUpstreams.class)
class GatewaySmokeTests extends ServiceSmokeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void internalPathsAreNotRouted() throws Exception {
        var response = get("/internal/inventory/reservations");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void exposesRouteAndCircuitBreakerMetrics() throws Exception {
        get("/v3/api-docs/catalog-service");
        get("/api/drops");
        var response = getFromManagementPort("/actuator/prometheus");
        assertThat(response.body())
                .contains("spring_cloud_gateway_requests_seconds_count{")
                .contains("routeId=\"api-docs-catalog\"")
                .contains("resilience4j_circuitbreaker_state{")
                .contains("name=\"catalog-service\"");
    }

    @Test
    void publicPortAnswersHealthWithTheStatusOnly() throws Exception {
        for (String path :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).propertyNames())
                    .as(path + " " + response.body())
                    .containsExactly("status");
            assertThat(JSON.readTree(response.body()).path("status").asString()).isEqualTo("UP");
        }
        assertThat(get("/actuator/health/redis").statusCode()).isEqualTo(404);
    }

    @Test
    void publicPortServesNoMetricsOrOtherActuatorEndpoints() throws Exception {
        for (String path : new String[] {
            "/actuator",
            "/actuator/prometheus",
            "/actuator/metrics",
            "/actuator/metrics/jvm.memory.used",
            "/actuator/info"
        }) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("jvm_memory");
        }
    }

    @Test
    void managementPortServesHealthDetailsAndMetrics() throws Exception {
        assertThat(managementPort()).isNotEqualTo(port());
        var health = getFromManagementPort("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("components").has("redis")).isTrue();
        var prometheus = getFromManagementPort("/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void swaggerUiListsEveryServicesApiDocs() throws Exception {
        assertThat(get("/swagger-ui.html").statusCode()).isIn(200, 302, 307);
        var config = get("/v3/api-docs/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        for (String service : new String[] {
            "auth-service",
            "catalog-service",
            "follower-service",
            "order-service",
            "payment-service",
            "notification-service"
        }) {
            assertThat(config.body()).contains("\"url\":\"/v3/api-docs/" + service + "\"");
        }
    }
}

package io.livedrop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.test.ServiceSmokeTests;
import org.junit.jupiter.api.Test;

@GatewayIntegrationTest
class GatewaySmokeTests extends ServiceSmokeTests {

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
        var response = get("/actuator/prometheus");
        assertThat(response.body())
                .contains("spring_cloud_gateway_requests_seconds_count{")
                .contains("routeId=\"api-docs-catalog\"")
                .contains("resilience4j_circuitbreaker_state{")
                .contains("name=\"catalog-service\"");
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

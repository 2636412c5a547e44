package io.livedrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.e2e.support.Api;
import io.livedrop.e2e.support.ApiResponse;
import io.livedrop.e2e.support.Fleet;
import org.junit.jupiter.api.Test;

/** The fleet starts with the launcher, every service is healthy, and the gateway fronts them. */
class FleetTests {

    private final Fleet fleet = Fleet.shared();

    @Test
    void everyServiceReportsUp() {
        for (String service : Fleet.SERVICES) {
            ApiResponse health = new Api(fleet.serviceUrl(service)).get("/actuator/health", null);
            assertThat(health.status()).as(service).isEqualTo(200);
            assertThat(health.text("status")).as(service).isEqualTo("UP");
        }
    }

    @Test
    void gatewayRoutesToTheOwningServiceWhichChecksTheToken() {
        ApiResponse response = Api.gateway().get("/api/orders", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void internalApisAreNotReachableThroughTheGateway() {
        ApiResponse response = Api.gateway().get("/internal/inventory/drops/x", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void everyResponseCarriesExactlyOneRequestId() {
        ApiResponse echoed =
                Api.gateway().post("/api/orders", "{}", null, java.util.Map.of("X-Request-Id", "e2e-request-1"));

        assertThat(echoed.headers().allValues("X-Request-Id")).containsExactly("e2e-request-1");
    }
}

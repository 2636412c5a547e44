package io.livedrop.common.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * What every service answers from day one: health with liveness/readiness probes, Prometheus
 * metrics, OpenAPI docs, and problem+json for an unknown route. A service's smoke test extends this
 * and is annotated {@link IntegrationTest}.
 */
public abstract class ServiceSmokeTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    /** Where actuator's metrics are: the management port where a service has one, else its own. */
    @Value("${local.management.port:${local.server.port}}")
    int managementPort;

    @Test
    void healthIsUp() throws Exception {
        var response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void livenessAndReadinessProbesAreUp() throws Exception {
        assertThat(get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusExposesJvmAndHttpMetrics() throws Exception {
        get("/actuator/health");
        var response = getFromManagementPort("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds");
    }

    @Test
    void servesOpenApiDocs() throws Exception {
        var response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\"");
        // service-to-service endpoints are documented in docs/INTERNAL-API.md, not published
        assertThat(response.body()).doesNotContain("\"/internal/");
    }

    @Test
    void unknownRouteGetsProblemJson() throws Exception {
        var response = get("/definitely/not/a/route");
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return get(port, path);
    }

    protected int port() {
        return port;
    }

    protected int managementPort() {
        return managementPort;
    }

    protected HttpResponse<String> getFromManagementPort(String path) throws Exception {
        return get(managementPort, path);
    }

    private HttpResponse<String> get(int toPort, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + toPort + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

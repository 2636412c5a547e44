package io.livedrop.gateway.health.web;

import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.Problems;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.ReactiveHealthEndpointWebExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The gateway's public port (8080) answers only {@code {"status":"UP"}} on {@code /actuator/health}
 * and its {@code liveness} / {@code readiness} groups — enough for a load balancer, {@code ./livedrop}
 * and the compose health check, nothing about the components behind it. Actuator itself (health with
 * details, Prometheus, metrics, info) is on the management port ({@code MANAGEMENT_PORT}, 9080), which
 * is never published. Any other {@code /actuator/**} path on the public port is 404.
 */
@Configuration(proxyBeanMethods = false)
class PublicHealthRoutes {

    @Bean
    RouterFunction<ServerResponse> publicHealth(ReactiveHealthEndpointWebExtension health) {
        return RouterFunctions.route()
                .GET("/actuator/health", request -> status(health))
                .GET("/actuator/health/liveness", request -> status(health, "liveness"))
                .GET("/actuator/health/readiness", request -> status(health, "readiness"))
                // answered here rather than left to the unrouted-path fallback (static resources, then
                // the error handler), so the rest of actuator is a plain, immediate 404 on this port
                .route(RequestPredicates.path("/actuator/**"), request -> noSuchEndpoint(request.path()))
                .build();
    }

    private static Mono<ServerResponse> noSuchEndpoint(String path) {
        return ServerResponse.status(404)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(Problems.toJsonMap(Problems.of(ErrorCode.NOT_FOUND, "No such endpoint", path)));
    }

    private static Mono<ServerResponse> status(ReactiveHealthEndpointWebExtension health, String... group) {
        return health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, group)
                .flatMap(response -> {
                    HealthDescriptor body = response.getBody();
                    if (body == null) {
                        return ServerResponse.notFound().build();
                    }
                    return ServerResponse.status(response.getStatus())
                            .contentType(MediaType.APPLICATION_JSON)
                            .header("Cache-Control", "no-store")
                            .bodyValue(Map.of("status", body.getStatus().getCode()));
                });
    }
}

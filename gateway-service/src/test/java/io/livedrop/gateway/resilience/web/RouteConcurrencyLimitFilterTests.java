package io.livedrop.gateway.resilience.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.livedrop.gateway.problem.web.ProblemResponses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

class RouteConcurrencyLimitFilterTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RouteConcurrencyLimitFilter filter = new RouteConcurrencyLimitFilter(
            new RouteConcurrencyProperties(Set.of("orders"), 1, 1, 1, Duration.ofSeconds(1), Duration.ofSeconds(1)),
            new ProblemResponses(JsonMapper.builder().build()),
            meters);

    @Test
    void aRequestBeyondTheRoutesLimitIsAnswered503WithRetryAfterAtOnce() {
        Sinks.Empty<Void> upstream = Sinks.empty();
        MockServerWebExchange first = exchange("orders");
        filter.filter(first, exchange -> upstream.asMono()).subscribe();

        MockServerWebExchange second = exchange("orders");
        filter.filter(second, exchange -> Mono.error(new AssertionError("must not be routed")))
                .block(Duration.ofMillis(50));

        assertThat(second.getResponse().getStatusCode().value()).isEqualTo(503);
        assertThat(second.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(second.getResponse().getBodyAsString().block()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
        assertThat(meters.get("livedrop.gateway.overload.shed").counter().count())
                .isEqualTo(1);

        upstream.tryEmitEmpty();
        MockServerWebExchange third = exchange("orders");
        filter.filter(third, exchange -> Mono.empty()).block(Duration.ofSeconds(1));
        assertThat(third.getResponse().getStatusCode()).isNull();
    }

    @Test
    void routesWithoutALimitAreNeverShed() {
        Sinks.Empty<Void> upstream = Sinks.empty();
        filter.filter(exchange("catalog"), exchange -> upstream.asMono()).subscribe();
        MockServerWebExchange second = exchange("catalog");

        filter.filter(second, exchange -> Mono.empty()).block(Duration.ofSeconds(1));

        assertThat(second.getResponse().getStatusCode()).isNull();
    }

    @Test
    void readsOfALimitedRouteAreNeverShed() {
        Sinks.Empty<Void> upstream = Sinks.empty();
        filter.filter(exchange("orders"), exchange -> upstream.asMono()).subscribe();
        MockServerWebExchange read =
                exchange("orders", MockServerHttpRequest.get("/api/orders/o1").build());

        filter.filter(read, exchange -> Mono.empty()).block(Duration.ofSeconds(1));

        assertThat(read.getResponse().getStatusCode()).isNull();
    }

    @Test
    void aServicesOwn503DoesNotShrinkTheGatewaysLimit() {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        RouteConcurrencyLimitFilter roomy = new RouteConcurrencyLimitFilter(
                new RouteConcurrencyProperties(
                        Set.of("orders"), 10, 1, 10, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                new ProblemResponses(JsonMapper.builder().build()),
                own);
        for (int i = 0; i < 20; i++) {
            roomy.filter(exchange("orders"), exchange -> {
                        exchange.getResponse().setStatusCode(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE);
                        return Mono.empty();
                    })
                    .block(Duration.ofSeconds(1));
        }

        assertThat(own.get("livedrop.gateway.overload.limit").gauge().value()).isEqualTo(10);
    }

    private static MockServerWebExchange exchange(String routeId) {
        return exchange(routeId, MockServerHttpRequest.post("/api/orders").build());
    }

    private static MockServerWebExchange exchange(String routeId, MockServerHttpRequest request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        exchange.getAttributes()
                .put(
                        GATEWAY_ROUTE_ATTR,
                        Route.async()
                                .id(routeId)
                                .uri(URI.create("http://localhost:1"))
                                .predicate(e -> true)
                                .build());
        return exchange;
    }
}

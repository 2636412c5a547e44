package io.livedrop.gateway.ratelimit.web;

import io.livedrop.common.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GraphQL endpoint takes from the same buckets as the REST routes ({@link RateLimitFilter}; it is
 * the gateway's own handler, not a route, so the routes' filters do not see it). A refused request is
 * answered in GraphQL's shape, {@code errors[].extensions.code = RATE_LIMITED}, with the same status
 * 429 and headers as REST. Runs after the security chain, which names the caller.
 */
@Component
@Order(0) // after the security chain (-100)
class GraphQlRateLimitWebFilter implements WebFilter {

    static final String PATH = "/graphql";

    private final RateLimitFilter limiter;
    private final JsonMapper json;

    GraphQlRateLimitWebFilter(RateLimitFilter limiter, JsonMapper json) {
        this.limiter = limiter;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        return limiter.limit(exchange, chain::filter)
                .onErrorResume(ApiException.class, refused -> answer(exchange.getResponse(), refused));
    }

    private Mono<Void> answer(ServerHttpResponse response, ApiException refused) {
        response.setStatusCode(refused.code().status());
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> body = Map.of(
                "errors",
                List.of(Map.of(
                        "message",
                        refused.getMessage(),
                        "extensions",
                        Map.of(
                                "code",
                                refused.code().name(),
                                "status",
                                refused.code().status().value()))));
        DataBuffer buffer =
                response.bufferFactory().wrap(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}

package io.livedrop.gateway.cors.web;

import io.livedrop.common.error.ErrorCode;
import io.livedrop.gateway.problem.web.ProblemResponses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the whole gateway, run before security, rate limiting and routing: preflights are answered
 * here, and the {@code Access-Control-*} headers are on every answer to an allowed origin, errors the
 * gateway produces itself (401, 429, 503, ...) included. A request from an origin that is not allowed
 * gets a 403 problem. Services do no CORS of their own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@EnableConfigurationProperties(CorsProperties.class)
class GatewayCorsWebFilter implements WebFilter {

    private final CorsConfiguration configuration;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemResponses problems;

    GatewayCorsWebFilter(CorsProperties properties, ProblemResponses problems) {
        this.problems = problems;
        this.configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(properties.allowedOrigins());
        configuration.setAllowedMethods(properties.allowedMethods());
        configuration.setAllowedHeaders(properties.allowedHeaders());
        configuration.setExposedHeaders(properties.exposedHeaders());
        configuration.setAllowCredentials(properties.allowCredentials());
        configuration.setMaxAge(properties.maxAge());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!CorsUtils.isCorsRequest(request)) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return problems.write(exchange, ErrorCode.FORBIDDEN, "Cross-origin request not allowed from this origin");
        }
        return CorsUtils.isPreFlightRequest(request) ? exchange.getResponse().setComplete() : chain.filter(exchange);
    }
}

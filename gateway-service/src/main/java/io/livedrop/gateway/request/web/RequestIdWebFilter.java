package io.livedrop.gateway.request.web;

import io.livedrop.common.web.RequestIds;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (the client's if it sent a sane one), forwards it to
 * the downstream service and returns it on the response, errors included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId =
                RequestIds.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
        ServerWebExchange withId = exchange.mutate()
                .request(r -> r.headers(h -> h.set(RequestIds.HEADER, requestId)))
                .build();
        return chain.filter(withId).contextWrite(context -> context.put(RequestIds.MDC_KEY, requestId));
    }
}

package io.livedrop.gateway.security.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the realtime token from the {@code token} query parameter: browsers cannot set headers on a
 * WebSocket handshake or an {@code EventSource}, so API.md puts it in the URL. The parameter is
 * forwarded unchanged; notification-service checks it again.
 */
public final class QueryParameterTokenConverter implements ServerAuthenticationConverter {

    static final String PARAMETER = "token";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        var values = exchange.getRequest().getQueryParams().get(PARAMETER);
        if (values == null || values.isEmpty()) {
            return Mono.empty();
        }
        if (values.size() > 1 || !StringUtils.hasText(values.getFirst())) {
            return Mono.error(new InvalidBearerTokenException("Exactly one non-empty token parameter is expected"));
        }
        return Mono.just(new BearerTokenAuthenticationToken(values.getFirst()));
    }
}

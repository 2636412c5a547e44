package io.livedrop.gateway.problem.web;

import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.Problems;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the problem+json answers the gateway produces itself (401, 403, 404, 429, 503, 504, CORS
 * rejections), in the same shape as every service. Headers already on the response (request id, CORS,
 * rate-limit) are kept.
 */
@Component
public class ProblemResponses {

    private final JsonMapper jsonMapper;

    public ProblemResponses(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public Mono<Void> write(ServerWebExchange exchange, ErrorCode code, String detail) {
        return write(
                exchange,
                Problems.of(code, detail, exchange.getRequest().getPath().value()));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        if (problem.getStatus() == 503 && !response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
            // a 503 always says when to come back (API.md "Overload"); an open breaker waits about that long too
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(jsonMapper.writeValueAsBytes(Problems.toJsonMap(problem)));
        return response.writeWith(Mono.just(body));
    }
}

package io.livedrop.gateway.web;

import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.Problems;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the gateway itself produces is problem+json: an unrouted path (including
 * {@code /internal/**}) is 404, a downstream that does not answer is a fast 503, a slow one 504.
 */
@Component
@Order(-2)
class ProblemJsonErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrorHandler.class);

    private final JsonMapper jsonMapper;

    ProblemJsonErrorHandler(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem = toProblem(error, exchange.getRequest().getPath().value());
        response.setStatusCode(org.springframework.http.HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(jsonMapper.writeValueAsBytes(Problems.toJsonMap(problem)));
        return response.writeWith(Mono.just(body));
    }

    private ProblemDetail toProblem(Throwable error, String path) {
        if (error instanceof ResponseStatusException status) {
            ErrorCode code = ErrorCode.forStatus(status.getStatusCode().value());
            String detail = status.getStatusCode().value() == 404 ? "No such endpoint" : code.title();
            return Problems.of(status.getStatusCode(), code.name(), code.title(), detail, path);
        }
        if (causedBy(error, ConnectException.class)) {
            return Problems.of(ErrorCode.SERVICE_UNAVAILABLE, "The service behind this endpoint is unavailable", path);
        }
        if (causedBy(error, TimeoutException.class)) {
            return Problems.of(
                    ErrorCode.GATEWAY_TIMEOUT, "The service behind this endpoint did not answer in time", path);
        }
        log.error("Gateway error on {}", path, error);
        return Problems.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred", path);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}

package io.livedrop.gateway.problem.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.PayloadTooLargeException;
import io.livedrop.common.error.Problems;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself produces is problem+json: an unrouted path (including
 * {@code /internal/**}) is 404, a downstream that refuses connections or whose circuit breaker is
 * open is a fast 503, a slow one 504, a rate-limited request 429.
 */
@Component
@Order(-2)
class ProblemJsonErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrorHandler.class);

    private final ProblemResponses problems;

    ProblemJsonErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return problems.write(
                exchange, toProblem(error, exchange.getRequest().getPath().value()));
    }

    private ProblemDetail toProblem(Throwable error, String path) {
        ApiException api = error instanceof ApiException direct ? direct : tooLarge(error);
        if (api != null) {
            return Problems.of(api.code(), api.getMessage(), path, api.violations());
        }
        // the bulkhead is off by configuration; should someone enable it, a full one is a 503, not a 500
        if (causedByClassNamed(error, "io.github.resilience4j.bulkhead.BulkheadFullException")) {
            return Problems.of(ErrorCode.SERVICE_UNAVAILABLE, "Too many concurrent requests, retry shortly", path);
        }
        if (error instanceof ServiceUnavailableException || causedBy(error, CallNotPermittedException.class)) {
            return Problems.of(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "The service behind this endpoint is failing; requests are paused briefly (circuit open)",
                    path);
        }
        if (causedBy(error, ConnectException.class)) {
            return Problems.of(ErrorCode.SERVICE_UNAVAILABLE, "The service behind this endpoint is unavailable", path);
        }
        if (causedBy(error, TimeoutException.class)
                || causedBy(error, org.springframework.cloud.gateway.support.TimeoutException.class)) {
            return Problems.of(
                    ErrorCode.GATEWAY_TIMEOUT, "The service behind this endpoint did not answer in time", path);
        }
        if (causedBy(error, AuthenticationServiceException.class)) {
            // the token could not be checked at all, typically because auth-service's JWKS is unreachable
            log.warn("Could not validate a bearer token on {}: {}", path, error.toString());
            return Problems.of(ErrorCode.SERVICE_UNAVAILABLE, "Tokens cannot be validated right now", path);
        }
        if (error instanceof ResponseStatusException status) {
            ErrorCode code = ErrorCode.forStatus(status.getStatusCode().value());
            String detail = status.getStatusCode().value() == 404 ? "No such endpoint" : code.title();
            return Problems.of(status.getStatusCode(), code.name(), code.title(), detail, path);
        }
        log.error("Gateway error on {}", path, error);
        return Problems.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred", path);
    }

    /** A chunked body cut at the size limit while it was forwarded, however the HTTP client wrapped it. */
    private static PayloadTooLargeException tooLarge(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    private static boolean causedByClassNamed(Throwable error, String className) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals(className)) {
                return true;
            }
        }
        return false;
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

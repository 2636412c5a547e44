package io.livedrop.common.error;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * No database connection within the pool's wait (overload, or PostgreSQL away) is not the
 * caller's fault and not a bug: 503 with {@code Retry-After}, so clients and calling services retry
 * (idempotently) or open their circuit breaker instead of recording a 500. Nothing was written.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class DatabaseUnavailableHandler {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);

    private final Counter unavailable;

    public DatabaseUnavailableHandler(MeterRegistry meters) {
        this.unavailable = Counter.builder("livedrop.database.unavailable")
                .description("Requests answered 503 because no database connection was available in time")
                .register(meters);
    }

    @ExceptionHandler({CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class})
    ResponseEntity<ProblemDetail> noConnection(RuntimeException ex, HttpServletRequest request) {
        unavailable.increment();
        log.warn("No database connection for {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
        ProblemDetail problem = Problems.of(
                ErrorCode.SERVICE_UNAVAILABLE, "The service is overloaded, retry shortly", request.getRequestURI());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

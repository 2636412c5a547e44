package io.livedrop.inventory.web;

import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What the database says that is not the caller's fault.
 *
 * <ul>
 *   <li>No connection within the pool's wait (overload, or PostgreSQL away): {@code 503
 *       SERVICE_UNAVAILABLE} with {@code Retry-After}, so order-service retries with the same
 *       reservation id or opens its circuit breaker, instead of storing a 500. Nothing was written.
 *   <li>A write the database refused (a check constraint or the transition trigger): the service's
 *       own SQL never breaks a stock invariant, so a bug tried to oversell. Operators alert on
 *       {@code livedrop_inventory_integrity_violations_total}; the caller gets a 500 without
 *       internals, and nothing was written.
 * </ul>
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(DatabaseProblemHandler.class);

    private final Counter violations;
    private final Counter unavailable;

    public DatabaseProblemHandler(MeterRegistry registry) {
        this.violations = Counter.builder("livedrop.inventory.integrity.violations")
                .description("Writes the database refused because they would break a stock invariant")
                .register(registry);
        this.unavailable = Counter.builder("livedrop.inventory.database.unavailable")
                .description("Requests answered 503 because no database connection was available in time")
                .register(registry);
    }

    @ExceptionHandler({CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class})
    ResponseEntity<ProblemDetail> noConnection(RuntimeException ex, HttpServletRequest request) {
        unavailable.increment();
        log.warn("No database connection for {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
        ProblemDetail problem = Problems.of(
                ErrorCode.SERVICE_UNAVAILABLE, "Inventory is overloaded, retry shortly", request.getRequestURI());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> refusedByDatabase(DataIntegrityViolationException ex, HttpServletRequest request) {
        violations.increment();
        log.error("Database refused a write on {} {}", request.getMethod(), request.getRequestURI(), ex);
        ProblemDetail problem =
                Problems.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred", request.getRequestURI());
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

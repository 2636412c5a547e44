package io.livedrop.inventory.stock.web;

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
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A write the database refused (a check constraint or the transition trigger): the service's own
 * SQL never breaks a stock invariant, so a bug tried to oversell. Operators alert on {@code
 * livedrop_inventory_integrity_violations_total}; the caller gets a 500 without internals, and
 * nothing was written. (No connection at all is a 503 from common-lib's DatabaseUnavailableHandler.)
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(DatabaseProblemHandler.class);

    private final Counter violations;

    public DatabaseProblemHandler(MeterRegistry registry) {
        this.violations = Counter.builder("livedrop.inventory.integrity.violations")
                .description("Writes the database refused because they would break a stock invariant")
                .register(registry);
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

package io.livedrop.inventory.reservation.web;

import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.Problems;
import io.livedrop.inventory.reservation.domain.ReservingPausedException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A reserve without an answer: 503 with {@code Retry-After}, {@code OUTCOME_PENDING} when its batch may
 * still commit, {@code SERVICE_UNAVAILABLE} when nothing was written. Retry with the same id.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ReservingPausedHandler {

    @ExceptionHandler(ReservingPausedException.class)
    ResponseEntity<ProblemDetail> paused(ReservingPausedException ex, HttpServletRequest request) {
        ErrorCode code = ex.mayHaveWritten() ? ErrorCode.OUTCOME_PENDING : ErrorCode.SERVICE_UNAVAILABLE;
        ProblemDetail problem = Problems.of(code, ex.getMessage(), request.getRequestURI());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

package io.livedrop.auth.session.web;

import io.livedrop.auth.session.application.LoginThrottledException;
import io.livedrop.common.error.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problem+json of common-lib plus {@code Retry-After} (API.md: every 429 carries it). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LoginThrottledHandler {

    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottledException ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(ex.code(), ex.getMessage(), request.getRequestURI());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

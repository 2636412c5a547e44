package io.livedrop.catalog.product.web;

import io.livedrop.catalog.product.application.ProductListProperties;
import io.livedrop.catalog.product.application.ProductListTimedOutException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.Problems;
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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A product list or search past its statement timeout is overload, not a client error and not a bug
 * (API.md "overload"): 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, counted in {@code
 * livedrop_catalog_product_list_timeouts_total}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProductListTimeoutHandler {

    private static final Logger log = LoggerFactory.getLogger(ProductListTimeoutHandler.class);

    private final Counter timeouts;
    private final String retryAfterSeconds;

    ProductListTimeoutHandler(MeterRegistry meters, ProductListProperties properties) {
        this.timeouts = Counter.builder("livedrop.catalog.product.list.timeouts")
                .description("Product lists and searches cancelled by their statement timeout (answered 503)")
                .register(meters);
        this.retryAfterSeconds =
                Long.toString(Math.max(1, properties.retryAfter().toSeconds()));
    }

    @ExceptionHandler(ProductListTimedOutException.class)
    ResponseEntity<ProblemDetail> timedOut(ProductListTimedOutException ex, HttpServletRequest request) {
        timeouts.increment();
        log.warn("Product list timed out on {} (statement timeout)", request.getRequestURI());
        ProblemDetail problem = Problems.of(
                ErrorCode.SERVICE_UNAVAILABLE,
                "Listing products takes too long right now, retry shortly",
                request.getRequestURI());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

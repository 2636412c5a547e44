package io.livedrop.common.overload;

import com.netflix.concurrency.limits.Limiter;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.Problems;
import io.livedrop.common.error.ServletProblemWriter;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sheds the configured endpoints when this instance has as many of them in flight as its adaptive
 * limit allows: an immediate 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, before
 * authentication, the body or a database connection are touched. Without it a burst queues for
 * connections and threads and every request ends in a timeout instead of most of them succeeding.
 *
 * <p>The limit (Netflix concurrency-limits, AIMD against {@code OVERLOAD_LATENCY_TARGET}) grows by one
 * while requests finish within the target and backs off when one takes longer, or ends in a 5xx or an
 * exception.
 */
public class ConcurrencyLimitFilter extends OncePerRequestFilter {

    private final Limiter<Void> limiter;
    private final Set<String> endpoints;
    private final ServletProblemWriter problems;
    private final Counter shed;
    private final String retryAfterSeconds;

    public ConcurrencyLimitFilter(
            Limiter<Void> limiter,
            Set<String> endpoints,
            ServletProblemWriter problems,
            Counter shed,
            long retryAfterSeconds) {
        this.limiter = limiter;
        this.endpoints = Set.copyOf(endpoints);
        this.problems = problems;
        this.shed = shed;
        this.retryAfterSeconds = Long.toString(Math.max(1, retryAfterSeconds));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return endpoints.isEmpty() || !endpoints.contains(request.getMethod() + " " + request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Limiter.Listener> admitted = limiter.acquire(null);
        if (admitted.isEmpty()) {
            shed.increment();
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
            problems.write(
                    response,
                    Problems.of(
                            ErrorCode.SERVICE_UNAVAILABLE,
                            "Too many requests in progress; retry after " + retryAfterSeconds
                                    + " s with the same Idempotency-Key",
                            request.getRequestURI()));
            return;
        }
        Limiter.Listener inFlight = admitted.get();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = response.getStatus() >= 500;
        } finally {
            if (failed) {
                inFlight.onDropped();
            } else {
                inFlight.onSuccess();
            }
        }
    }
}

package io.livedrop.gateway.request.web;

import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.PayloadTooLargeException;
import io.livedrop.common.web.RequestLimitsProperties;
import io.livedrop.gateway.problem.web.ProblemResponses;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * API.md "request limits": a body over {@code MAX_REQUEST_BODY} (1 MiB) → 413 {@code
 * PAYLOAD_TOO_LARGE}, answered without reading the whole body. A {@code Content-Length} over the limit
 * is refused at once (before security, rate limiting and routing, so nothing is forwarded); a body
 * without one (chunked) streams through to the service as usual and is cut the moment it passes the
 * limit: the forwarded request is aborted and the client gets the 413 (the error does not count
 * against the route's circuit breaker, which records only unreachable services). Runs after the request
 * id and CORS filters, so the 413 carries both.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
@EnableConfigurationProperties(RequestLimitsProperties.class)
class RequestBodyLimitWebFilter implements WebFilter {

    private final long limit;
    private final ProblemResponses problems;

    RequestBodyLimitWebFilter(RequestLimitsProperties limits, ProblemResponses problems) {
        this.limit = limits.maxRequestBody().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            return problems.write(exchange, ErrorCode.PAYLOAD_TOO_LARGE, RequestLimitsProperties.tooLargeDetail(limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange); // the server never delivers more than the declared length
        }
        return chain.filter(
                exchange.mutate().request(new LimitedBody(request, limit)).build());
    }

    /** The request whose body fails with {@link PayloadTooLargeException} once it passes the limit. */
    private static final class LimitedBody extends ServerHttpRequestDecorator {

        private final long limit;

        LimitedBody(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                AtomicLong received = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (received.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new PayloadTooLargeException(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            });
        }
    }
}

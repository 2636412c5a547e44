package io.livedrop.gateway.cache.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A shared cache at the edge for the public, caller-independent reads of API.md, like a CDN in front
 * of the gateway would be: a hit is answered here (304 for a matching {@code If-None-Match}) without a
 * call to catalog-service.
 *
 * <p>What it may hold is deliberately narrow (Spring Cloud Gateway's own response cache stored
 * private answers and mixed routes up in the versions served here):
 *
 * <ul>
 *   <li>only {@code GET} of an allow-listed path ({@link #CACHEABLE}; {@code followed=true} never);
 *   <li>never for a request that carries {@code Authorization} or a cookie: such a request is neither
 *       answered from the cache nor stored;
 *   <li>only a 200 whose {@code Cache-Control} says {@code public} with a {@code max-age} above zero
 *       and no {@code private}/{@code no-store}/{@code no-cache}, for at most that long (capped by
 *       {@code GATEWAY_RESPONSE_CACHE_MAX_AGE});
 *   <li>keyed by route, path and query; only the body and its representation headers are kept (the
 *       per-request headers — request id, CORS, rate limit — are the current request's own).
 * </ul>
 *
 * <p>A hit is answered before rate limiting (see {@link #getOrder()}).
 */
@Component
@EnableConfigurationProperties(ResponseCacheProperties.class)
public class PublicResponseCache implements GlobalFilter, Ordered {

    /** Items and public lists of catalog-service (API.md "HTTP caching"). */
    static final Pattern CACHEABLE =
            Pattern.compile("^/api/(drops|products|creators)/[A-Za-z0-9-]{1,64}$|^/api/(drops|products)$");

    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");
    private static final List<String> KEPT_HEADERS =
            List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CACHE_CONTROL, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED);

    private final ResponseCacheProperties properties;
    private final Clock clock;
    private final Cache<String, CachedResponse> responses;
    private final Counter hits;
    private final Counter misses;

    PublicResponseCache(ResponseCacheProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        this.responses = Caffeine.newBuilder()
                .maximumSize(properties.maxEntries())
                .expireAfter(Expiry.<String, CachedResponse>creating(
                        (key, response) -> Duration.ofMillis(Math.max(0, response.expiresAtMillis() - clock.millis()))))
                .build();
        this.hits = Counter.builder("livedrop.gateway.response.cache")
                .tag("result", "hit")
                .register(meters);
        this.misses = Counter.builder("livedrop.gateway.response.cache")
                .tag("result", "miss")
                .register(meters);
    }

    /**
     * Before the filter that writes the proxied response (its decorated response is the one written)
     * and so before rate limiting: a hit costs the services nothing and is not charged to the
     * caller's bucket, as with a CDN in front of the gateway.
     */
    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.enabled() || !cacheable(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        String key = keyOf(exchange.getRequest());
        CachedResponse cached = responses.getIfPresent(key);
        if (cached != null && cached.expiresAtMillis() > clock.millis()) {
            hits.increment();
            return answer(exchange, cached);
        }
        misses.increment();
        // the service is asked unconditionally, so the cache gets a body even when the client only
        // revalidates; the client's own If-None-Match is answered here once the body is stored
        List<String> clientEtags = exchange.getRequest().getHeaders().getIfNoneMatch();
        ServerHttpRequest unconditional = exchange.getRequest()
                .mutate()
                .headers(headers -> {
                    headers.remove(HttpHeaders.IF_NONE_MATCH);
                    headers.remove(HttpHeaders.IF_MODIFIED_SINCE);
                })
                .build();
        return chain.filter(exchange.mutate()
                .request(unconditional)
                .response(storing(exchange, key, clientEtags))
                .build());
    }

    static boolean cacheable(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return HttpMethod.GET.equals(request.getMethod())
                && !headers.containsHeader(HttpHeaders.AUTHORIZATION)
                && !headers.containsHeader(HttpHeaders.COOKIE)
                && CACHEABLE
                        .matcher(request.getPath().pathWithinApplication().value())
                        .matches()
                && !"true".equalsIgnoreCase(request.getQueryParams().getFirst("followed"));
    }

    private static String keyOf(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return request.getPath().pathWithinApplication().value() + (query == null ? "" : "?" + query);
    }

    private Mono<Void> answer(ServerWebExchange exchange, CachedResponse cached) {
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().addAll(cached.headers());
        long ageSeconds = Math.max(0, (clock.millis() - cached.storedAtMillis()) / 1000);
        response.getHeaders().set(HttpHeaders.AGE, Long.toString(ageSeconds));
        String etag = cached.headers().getETag();
        if (etag != null && exchange.getRequest().getHeaders().getIfNoneMatch().contains(etag)) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentLength(cached.body().length);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(cached.body())));
    }

    private ServerHttpResponseDecorator storing(ServerWebExchange exchange, String key, List<String> clientEtags) {
        return new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                long maxAgeMillis = storableFor(getStatusCode(), getHeaders());
                if (maxAgeMillis <= 0) {
                    return super.writeWith(body);
                }
                return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                    byte[] bytes = new byte[joined.readableByteCount()];
                    joined.read(bytes);
                    DataBufferUtils.release(joined);
                    responses.put(
                            key, CachedResponse.of(bytes, getHeaders(), KEPT_HEADERS, clock.millis(), maxAgeMillis));
                    String etag = getHeaders().getETag();
                    if (etag != null && clientEtags.contains(etag)) {
                        setStatusCode(HttpStatus.NOT_MODIFIED);
                        getHeaders().remove(HttpHeaders.CONTENT_TYPE);
                        getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
                        return setComplete();
                    }
                    return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
                });
            }
        };
    }

    /** How long a response may be kept (0: not at all). */
    private long storableFor(org.springframework.http.HttpStatusCode status, HttpHeaders headers) {
        String cacheControl = headers.getCacheControl();
        if (status == null || status.value() != 200 || cacheControl == null) {
            return 0;
        }
        String directives = cacheControl.toLowerCase(java.util.Locale.ROOT);
        if (!directives.contains("public")
                || directives.contains("private")
                || directives.contains("no-store")
                || directives.contains("no-cache")
                || headers.containsHeader(HttpHeaders.SET_COOKIE)
                || headers.containsHeader(HttpHeaders.VARY)) {
            return 0;
        }
        Matcher maxAge = MAX_AGE.matcher(directives);
        if (!maxAge.find()) {
            return 0;
        }
        long seconds =
                Math.min(Long.parseLong(maxAge.group(1)), properties.maxAge().toSeconds());
        return seconds * 1000;
    }
}

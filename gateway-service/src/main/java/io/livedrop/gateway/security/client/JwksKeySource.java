package io.livedrop.gateway.security.client;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * auth-service's signing keys for the token decoder, cached. A token naming an unknown {@code kid}
 * triggers a refetch (that is how a rotated-in key is picked up), but at most once per {@code
 * minRefreshInterval}: tokens with made-up key ids, which anyone can send, cannot make the gateway
 * hammer auth-service (Spring's default reactive source refetches for every such token). The set is
 * also refetched after {@code maxAge}, so retired keys drop out. If a refetch fails, the keys known
 * so far stay in use (and the fetch is retried after {@code minRefreshInterval}): auth-service being
 * briefly down must not turn every valid token into an error. Only without any known keys does a
 * token fail to be checked (503).
 */
public final class JwksKeySource {

    private static final Logger log = LoggerFactory.getLogger(JwksKeySource.class);

    private final WebClient web;
    private final String jwksUri;
    private final Duration fetchTimeout;
    private final Duration minRefreshInterval;
    private final Duration maxAge;
    private final Clock clock;
    private final AtomicReference<Instant> lastFetch = new AtomicReference<>(Instant.EPOCH);
    private final AtomicReference<JWKSet> lastKnown = new AtomicReference<>();
    private volatile Mono<Keys> keys;

    public JwksKeySource(
            WebClient web,
            String jwksUri,
            Duration fetchTimeout,
            Duration minRefreshInterval,
            Duration maxAge,
            Clock clock) {
        this.web = web;
        this.jwksUri = jwksUri;
        this.fetchTimeout = fetchTimeout;
        this.minRefreshInterval = minRefreshInterval;
        this.maxAge = maxAge;
        this.clock = clock;
        this.keys = cachedFetch();
    }

    /** The keys that may have signed this token (empty: none known, the token is refused). */
    public Flux<JWK> keysFor(SignedJWT token) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader()));
        return keys.flatMapMany(known -> {
            List<JWK> matching = selector.select(known.set());
            if (!matching.isEmpty() || !refreshAllowed()) {
                return Flux.fromIterable(matching);
            }
            keys = cachedFetch();
            return keys.flatMapIterable(refreshed -> selector.select(refreshed.set()));
        });
    }

    private boolean refreshAllowed() {
        Instant last = lastFetch.get();
        return clock.instant().isAfter(last.plus(minRefreshInterval)) && lastFetch.compareAndSet(last, clock.instant());
    }

    private Mono<Keys> cachedFetch() {
        return fetch().map(set -> {
                    lastKnown.set(set);
                    return new Keys(set, true);
                })
                .onErrorResume(failure -> {
                    JWKSet known = lastKnown.get();
                    if (known == null) {
                        return Mono.error(failure);
                    }
                    log.warn("Could not refresh auth-service's JWKS, keeping the known keys: {}", failure.toString());
                    return Mono.just(new Keys(known, false));
                })
                .cache(
                        fetched -> fetched.fresh() ? maxAge : minRefreshInterval,
                        failure -> Duration.ZERO,
                        () -> Duration.ZERO);
    }

    private Mono<JWKSet> fetch() {
        return web.get()
                .uri(jwksUri)
                .retrieve()
                .bodyToMono(String.class)
                .timeout(fetchTimeout)
                .doOnSubscribe(subscription -> lastFetch.set(clock.instant()))
                .map(JwksKeySource::parse);
    }

    /** @param fresh false when a refetch failed and these are the keys known before */
    private record Keys(JWKSet set, boolean fresh) {}

    private static JWKSet parse(String json) {
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("auth-service's JWKS is not a JWK set", e);
        }
    }
}

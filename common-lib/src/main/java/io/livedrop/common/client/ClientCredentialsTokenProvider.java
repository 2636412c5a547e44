package io.livedrop.common.client;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Fetches a service token from auth-service with the client-credentials grant and reuses it until
 * shortly before it expires. Every internal call asks for a token, so a slow or absent auth-service
 * must never stall them:
 *
 * <ul>
 *   <li>the fetch has a connect and a read timeout ({@code SERVICE_TOKEN_TIMEOUT});
 *   <li>the token is refreshed <b>ahead</b> of its expiry, in the background: a caller whose token is
 *       still valid gets it at once and never waits for a refresh, whether it is slow or failing;
 *   <li>only callers without a valid token wait — for one shared fetch (no queue of fetches, no lock),
 *       at most as long as that fetch may take; when it fails they get {@link
 *       ServiceTokenUnavailableException}, which {@link io.livedrop.common.peer.PeerCalls} turns into a
 *       peer outage (the peer call was never sent), answered 503 by the calling endpoint;
 *   <li>after a failed fetch, the next one starts no sooner than {@link #RETRY_AFTER_FAILURE} later, so
 *       an auth-service outage is not met with a fetch per internal call.
 * </ul>
 */
public class ClientCredentialsTokenProvider implements ServiceTokenProvider {

    /** How long before expiry a refresh starts, at most (at most half of the token's lifetime). */
    static final Duration REFRESH_AHEAD = Duration.ofSeconds(30);
    /** A token is not handed out in its last moments (at most a tenth of its lifetime): it must still be valid on arrival. */
    static final Duration EXPIRY_SAFETY = Duration.ofSeconds(5);

    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(ClientCredentialsTokenProvider.class);

    private final RestClient tokenEndpoint;
    private final ServiceCredentialsProperties credentials;
    private final Clock clock;
    /** The longest a caller without a token waits for the shared fetch (connect + read timeout). */
    private final Duration longestFetch;

    private volatile CachedToken cached;
    private final AtomicReference<CompletableFuture<CachedToken>> inFlight = new AtomicReference<>();
    private volatile Failure lastFailure;

    public ClientCredentialsTokenProvider(
            RestClient.Builder builder, ServiceCredentialsProperties credentials, Clock clock) {
        HttpClient httpClient =
                HttpClient.newBuilder().connectTimeout(credentials.timeout()).build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(credentials.timeout());
        this.tokenEndpoint = builder.clone()
                .baseUrl(credentials.tokenUri())
                .requestFactory(requestFactory)
                .build();
        this.credentials = credentials;
        this.clock = clock;
        this.longestFetch = credentials.timeout().multipliedBy(2).plusMillis(500);
    }

    @Override
    public String token() {
        Instant now = clock.instant();
        CachedToken current = cached;
        if (current != null && current.usableAt(now)) {
            if (current.refreshDueAt(now)) {
                refreshInBackground(now);
            }
            return current.value();
        }
        return awaitFetch(now).value();
    }

    /** Starts a refresh unless one is running or the last one failed a moment ago; never waits for it. */
    private void refreshInBackground(Instant now) {
        if (!recentlyFailed(now)) {
            fetchOnce();
        }
    }

    private CachedToken awaitFetch(Instant now) {
        Failure failure = lastFailure;
        if (failure != null && failure.blocksRetryAt(now, inFlight.get() == null)) {
            throw new ServiceTokenUnavailableException(
                    "no service token: the last fetch failed moments ago (" + failure.message() + ")", null);
        }
        CompletableFuture<CachedToken> fetch = fetchOnce();
        try {
            return fetch.get(longestFetch.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            throw new ServiceTokenUnavailableException("no service token: " + cause.getMessage(), cause);
        } catch (TimeoutException slow) {
            throw new ServiceTokenUnavailableException(
                    "no service token: auth-service did not answer within " + longestFetch, slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ServiceTokenUnavailableException("interrupted while waiting for a service token", interrupted);
        }
    }

    private boolean recentlyFailed(Instant now) {
        Failure failure = lastFailure;
        return failure != null && failure.blocksRetryAt(now, true);
    }

    /** The running fetch, or a new one on a virtual thread: one at a time, shared by every caller. */
    private CompletableFuture<CachedToken> fetchOnce() {
        while (true) {
            CompletableFuture<CachedToken> running = inFlight.get();
            if (running != null) {
                return running;
            }
            CompletableFuture<CachedToken> mine = new CompletableFuture<>();
            if (inFlight.compareAndSet(null, mine)) {
                Thread.ofVirtual().name("service-token-fetch").start(() -> runFetch(mine));
                return mine;
            }
        }
    }

    private void runFetch(CompletableFuture<CachedToken> mine) {
        try {
            CachedToken fresh = fetch();
            cached = fresh;
            lastFailure = null;
            inFlight.compareAndSet(mine, null);
            mine.complete(fresh);
        } catch (Throwable failed) {
            lastFailure = new Failure(clock.instant(), String.valueOf(failed.getMessage()));
            inFlight.compareAndSet(mine, null);
            log.warn("Could not fetch a service token from {}: {}", credentials.tokenUri(), failed.getMessage());
            mine.completeExceptionally(failed);
        }
    }

    private CachedToken fetch() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        if (credentials.scope() != null && !credentials.scope().isBlank()) {
            form.add("scope", credentials.scope().strip());
        }
        Map<?, ?> response = tokenEndpoint
                .post()
                .headers(h -> h.setBasicAuth(credentials.clientId(), credentials.clientSecret()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(Map.class);
        if (response == null
                || !(response.get("access_token") instanceof String token)
                || !(response.get("expires_in") instanceof Number expiresIn)) {
            throw new IllegalStateException("the token endpoint answered without access_token and expires_in");
        }
        return CachedToken.of(token, clock.instant(), Duration.ofSeconds(expiresIn.longValue()));
    }

    /**
     * @param refreshFrom from then on a background refresh is started
     * @param usableUntil handed out until then
     */
    private record CachedToken(String value, Instant refreshFrom, Instant usableUntil) {

        static CachedToken of(String value, Instant fetchedAt, Duration lifetime) {
            Duration ahead = min(REFRESH_AHEAD, lifetime.dividedBy(2));
            Duration safety = min(EXPIRY_SAFETY, lifetime.dividedBy(10));
            Instant expiresAt = fetchedAt.plus(lifetime);
            return new CachedToken(value, expiresAt.minus(ahead), expiresAt.minus(safety));
        }

        boolean usableAt(Instant now) {
            return now.isBefore(usableUntil);
        }

        boolean refreshDueAt(Instant now) {
            return !now.isBefore(refreshFrom);
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }
    }

    private record Failure(Instant at, String message) {

        /** A failed fetch holds back the next for a moment, unless one is already running (then join it). */
        boolean blocksRetryAt(Instant now, boolean noFetchRunning) {
            return noFetchRunning && now.isBefore(at.plus(RETRY_AFTER_FAILURE));
        }
    }
}

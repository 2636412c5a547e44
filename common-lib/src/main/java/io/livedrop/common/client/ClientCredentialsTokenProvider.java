package io.livedrop.common.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Fetches a service token from auth-service with the client-credentials grant and reuses it until
 * shortly before it expires; one refresh at a time, other callers keep using the cached token.
 */
public class ClientCredentialsTokenProvider implements ServiceTokenProvider {

    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

    private final RestClient tokenEndpoint;
    private final ServiceCredentialsProperties credentials;
    private final Clock clock;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private volatile CachedToken cached;

    public ClientCredentialsTokenProvider(
            RestClient.Builder builder, ServiceCredentialsProperties credentials, Clock clock) {
        this.tokenEndpoint = builder.clone().baseUrl(credentials.tokenUri()).build();
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public String token() {
        CachedToken current = cached;
        if (current != null && current.validAt(clock.instant())) {
            return current.value();
        }
        refreshLock.lock();
        try {
            current = cached;
            if (current == null || !current.validAt(clock.instant())) {
                cached = current = fetch();
            }
            return current.value();
        } finally {
            refreshLock.unlock();
        }
    }

    private CachedToken fetch() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("scope", "internal");
        Map<?, ?> response = tokenEndpoint
                .post()
                .headers(h -> h.setBasicAuth(credentials.clientId(), credentials.clientSecret()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(Map.class);
        Objects.requireNonNull(response, "empty token response");
        String token = (String) response.get("access_token");
        long expiresIn = ((Number) response.get("expires_in")).longValue();
        return new CachedToken(token, clock.instant().plusSeconds(expiresIn).minus(REFRESH_MARGIN));
    }

    private record CachedToken(String value, Instant refreshAt) {
        boolean validAt(Instant now) {
            return now.isBefore(refreshAt);
        }
    }
}

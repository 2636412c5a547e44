package io.livedrop.gateway.security.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

class JwksKeySourceTests {

    private static final Duration MIN_REFRESH = Duration.ofSeconds(30);

    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<String> published = new AtomicReference<>();
    private final MutableClock clock = new MutableClock();
    private HttpServer authService;
    private RSAKey current;

    @BeforeEach
    void startAuthService() throws Exception {
        current = newKey();
        publish(current);
        authService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        authService.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        authService.start();
    }

    @AfterEach
    void stopAuthService() {
        authService.stop(0);
    }

    @Test
    void fetchesTheKeysOnceForKnownKeyIds() {
        var source = source(Duration.ofMinutes(5));

        assertThat(keyIds(source, current.getKeyID())).containsExactly(current.getKeyID());
        assertThat(keyIds(source, current.getKeyID())).containsExactly(current.getKeyID());
        assertThat(fetches).hasValue(1);
    }

    @Test
    void madeUpKeyIdsDoNotMakeItRefetchEveryTime() {
        var source = source(Duration.ofMinutes(5));
        keyIds(source, current.getKeyID());

        for (int i = 0; i < 20; i++) {
            assertThat(keyIds(source, "made-up-" + i)).isEmpty();
        }

        assertThat(fetches).hasValue(1);
    }

    @Test
    void picksUpARotatedKeyOnceTheRefreshIntervalHasPassed() throws Exception {
        var source = source(Duration.ofMinutes(5));
        keyIds(source, current.getKeyID());
        RSAKey next = newKey();
        publish(current, next);

        clock.advance(MIN_REFRESH.plusSeconds(1));

        assertThat(keyIds(source, next.getKeyID())).containsExactly(next.getKeyID());
        assertThat(fetches).hasValue(2);
    }

    @Test
    void keepsTheKnownKeysWhenAuthServiceIsDownAtRefresh() throws Exception {
        var source = source(Duration.ofMillis(50));
        keyIds(source, current.getKeyID());
        authService.stop(0);
        Thread.sleep(200);

        assertThat(keyIds(source, current.getKeyID())).containsExactly(current.getKeyID());
    }

    @Test
    void failsWhenNoKeysWereEverFetched() {
        authService.stop(0);
        var source = source(Duration.ofMinutes(5));

        assertThatThrownBy(() -> keyIds(source, current.getKeyID())).isInstanceOf(RuntimeException.class);
    }

    private JwksKeySource source(Duration maxAge) {
        return new JwksKeySource(
                WebClient.create(),
                "http://127.0.0.1:" + authService.getAddress().getPort() + "/.well-known/jwks.json",
                Duration.ofSeconds(5),
                MIN_REFRESH,
                maxAge,
                clock);
    }

    private static List<String> keyIds(JwksKeySource source, String kid) {
        var token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), new JWTClaimsSet.Builder().build());
        return source.keysFor(token).map(JWK::getKeyID).collectList().block(Duration.ofSeconds(10));
    }

    private void publish(RSAKey... keys) {
        published.set(new JWKSet(List.of(keys).stream()
                        .map(RSAKey::toPublicJWK)
                        .map(JWK.class::cast)
                        .toList())
                .toString());
    }

    private static RSAKey newKey() throws Exception {
        return new RSAKeyGenerator(2048).keyID("k-" + System.nanoTime()).generate();
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

package io.livedrop.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.livedrop.common.test.TestJwtIssuer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The servlet services' decoder waits for a slow auth-service up to {@code livedrop.security.jwks-timeout}
 * (Spring's default gave up after 500 ms and turned valid tokens into errors under load), and a JWKS
 * that cannot be fetched is never mistaken for a bad token.
 */
class JwksRetrievalTests {

    private final TestJwtIssuer issuer = TestJwtIssuer.shared();
    private HttpServer slowJwks;

    @AfterEach
    void stopServer() {
        if (slowJwks != null) {
            slowJwks.stop(0);
        }
    }

    @Test
    void aJwksSlowerThanHalfASecondIsWaitedForUpToTheTimeout() throws Exception {
        String jwksUri = serveJwksAfter(Duration.ofMillis(1_500));
        JwtDecoder decoder = JwtDecoders.forAudience(properties(jwksUri, Duration.ofSeconds(5)), Scopes.API_AUDIENCE);

        assertThat(decoder.decode(issuer.userToken("u-slow")).getSubject()).isEqualTo("u-slow");
    }

    @Test
    void aJwksThatCannotBeFetchedIsNotABadToken() throws Exception {
        String jwksUri = serveJwksAfter(Duration.ofSeconds(3));
        JwtDecoder decoder = JwtDecoders.forAudience(properties(jwksUri, Duration.ofMillis(300)), Scopes.API_AUDIENCE);

        assertThatThrownBy(() -> decoder.decode(issuer.userToken("u-1")))
                .isInstanceOf(JwtException.class)
                .isNotInstanceOf(BadJwtException.class);
        JwtDecoder unreachable = JwtDecoders.forAudience(
                properties("http://127.0.0.1:" + closedPort() + "/.well-known/jwks.json", Duration.ofSeconds(1)),
                Scopes.API_AUDIENCE);
        assertThatThrownBy(() -> unreachable.decode(issuer.userToken("u-1")))
                .isInstanceOf(JwtException.class)
                .isNotInstanceOf(BadJwtException.class);
    }

    @Test
    void aForgedTokenIsStillABadToken() {
        JwtDecoder decoder =
                JwtDecoders.forAudience(properties(issuer.jwksUri(), Duration.ofSeconds(5)), Scopes.API_AUDIENCE);
        String token = issuer.userToken("u-1");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
    }

    private static SecurityProperties properties(String jwksUri, Duration timeout) {
        return SecurityProperties.of(jwksUri, TestJwtIssuer.ISSUER, timeout);
    }

    /** The shared test issuer's JWKS, answered only after {@code delay}. */
    private String serveJwksAfter(Duration delay) throws IOException, InterruptedException {
        byte[] jwks = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(issuer.jwksUri())).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body()
                .getBytes(StandardCharsets.UTF_8);
        slowJwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slowJwks.setExecutor(command -> Thread.ofVirtual().start(command));
        slowJwks.createContext("/.well-known/jwks.json", exchange -> {
            try {
                Thread.sleep(delay);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
            } catch (InterruptedException | IOException clientGone) {
                // the decoder gave up first
            } finally {
                exchange.close();
            }
        });
        slowJwks.start();
        return "http://127.0.0.1:" + slowJwks.getAddress().getPort() + "/.well-known/jwks.json";
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

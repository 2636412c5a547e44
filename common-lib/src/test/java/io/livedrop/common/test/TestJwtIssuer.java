package io.livedrop.common.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.livedrop.common.security.Scopes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Signs tokens the way auth-service does (RS256, {@code kid}, issuer, audience, scope) and publishes
 * its key over HTTP as a JWKS, so a service under test validates them through its real decoder.
 */
public final class TestJwtIssuer {

    public static final String ISSUER = "livedrop-auth";

    /** auth-service's default grants (its {@code livedrop.auth.service-client-scopes}). */
    private static final Map<String, String[]> DEFAULT_GRANTS = Map.of(
            "order-service", new String[] {Scopes.INTERNAL_INVENTORY, Scopes.INTERNAL_PAYMENTS},
            "payment-service", new String[] {Scopes.INTERNAL_ORDERS});

    private static TestJwtIssuer shared;

    private final RSAKey key;
    private final String jwksUri;

    private TestJwtIssuer() {
        try {
            this.key =
                    new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            this.jwksUri = serveJwks(new JWKSet(key.toPublicJWK()).toString());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized TestJwtIssuer shared() {
        if (shared == null) {
            shared = new TestJwtIssuer();
        }
        return shared;
    }

    public String jwksUri() {
        return jwksUri;
    }

    /** A user's access token, valid for 15 minutes. */
    public String userToken(String userId) {
        return userToken(userId, Duration.ofMinutes(15));
    }

    /** A user's access token with a given lifetime; a negative one gives an already expired token. */
    public String userToken(String userId, Duration ttl) {
        return sign(userId, Scopes.API_AUDIENCE, Scopes.USER, ttl, claims -> {});
    }

    /**
     * The service token auth-service grants this client by default ({@code SERVICE_CLIENT_SCOPES} in
     * its {@code application.yml}): order-service's carries {@code internal:inventory
     * internal:payments}, payment-service's {@code internal:orders}; any other client's none, so it
     * opens no {@code /internal/**} endpoint.
     */
    public String serviceToken(String clientId) {
        return serviceToken(clientId, DEFAULT_GRANTS.getOrDefault(clientId, new String[0]));
    }

    /** A service token with exactly these scopes ({@link Scopes#INTERNAL_INVENTORY}, ...). */
    public String serviceToken(String clientId, String... scopes) {
        return sign(clientId, Scopes.API_AUDIENCE, String.join(" ", scopes), Duration.ofMinutes(5), claims -> {});
    }

    public String realtimeToken(String userId) {
        return sign(userId, Scopes.REALTIME_AUDIENCE, Scopes.REALTIME, Duration.ofMinutes(5), claims -> {});
    }

    public String sign(
            String subject, String audience, String scope, Duration ttl, Consumer<JWTClaimsSet.Builder> extra) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(audience)
                .claim("scope", scope)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minusSeconds(ttl.isNegative() ? 3600 : 0)))
                .expirationTime(Date.from(now.plus(ttl)));
        extra.accept(claims);
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serveJwks(String json) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(null);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "stop-test-jwks"));
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

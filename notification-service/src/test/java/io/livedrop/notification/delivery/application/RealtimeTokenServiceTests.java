package io.livedrop.notification.delivery.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.security.Scopes;
import io.livedrop.common.security.SecurityProperties;
import io.livedrop.common.test.TestJwtIssuer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A realtime token is refused with 401 only when it is bad; when it cannot be checked, 503. */
class RealtimeTokenServiceTests {

    private final TestJwtIssuer issuer = TestJwtIssuer.shared();

    @Test
    void aValidTokenNamesItsUserAndItsExpiry() {
        var tokens = new RealtimeTokenService(properties(issuer.jwksUri()), Clock.systemUTC());

        var identity = tokens.check(issuer.realtimeToken("u-7"));

        assertThat(identity.userId()).isEqualTo("u-7");
        // TestJwtIssuer's realtime tokens live 5 minutes
        assertThat(identity.expiresAt())
                .isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));
    }

    /** The decoder tolerates a minute of clock skew; a stream would be closed at once, so none opens. */
    @Test
    void aTokenPastItsExpiryIsRefusedEvenWithinTheClockSkew() {
        var tokens = new RealtimeTokenService(properties(issuer.jwksUri()), Clock.systemUTC());
        String expired =
                issuer.sign("u-7", Scopes.REALTIME_AUDIENCE, Scopes.REALTIME, Duration.ofSeconds(-5), claims -> {});

        assertThatThrownBy(() -> tokens.check(expired))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
    }

    @Test
    void aForgedTokenIsUnauthenticated() {
        var tokens = new RealtimeTokenService(properties(issuer.jwksUri()), Clock.systemUTC());
        String token = issuer.realtimeToken("u-7");

        assertThatThrownBy(() -> tokens.check(token.substring(0, token.lastIndexOf('.') + 1) + "AAAA"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
    }

    @Test
    void aTokenThatCannotBeCheckedBecauseTheKeysAreUnreachableIsServiceUnavailable() throws IOException {
        var tokens = new RealtimeTokenService(
                properties("http://127.0.0.1:" + closedPort() + "/.well-known/jwks.json"), Clock.systemUTC());

        assertThatThrownBy(() -> tokens.check(issuer.realtimeToken("u-7")))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
    }

    private static SecurityProperties properties(String jwksUri) {
        return SecurityProperties.of(jwksUri, TestJwtIssuer.ISSUER, Duration.ofSeconds(1));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

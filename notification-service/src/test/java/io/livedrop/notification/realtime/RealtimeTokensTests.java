package io.livedrop.notification.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.security.SecurityProperties;
import io.livedrop.common.test.TestJwtIssuer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A realtime token is refused with 401 only when it is bad; when it cannot be checked, 503. */
class RealtimeTokensTests {

    private final TestJwtIssuer issuer = TestJwtIssuer.shared();

    @Test
    void aValidTokenNamesItsUser() {
        var tokens = new RealtimeTokens(properties(issuer.jwksUri()));

        assertThat(tokens.userIdOf(issuer.realtimeToken("u-7"))).isEqualTo("u-7");
    }

    @Test
    void aForgedTokenIsUnauthenticated() {
        var tokens = new RealtimeTokens(properties(issuer.jwksUri()));
        String token = issuer.realtimeToken("u-7");

        assertThatThrownBy(() -> tokens.userIdOf(token.substring(0, token.lastIndexOf('.') + 1) + "AAAA"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
    }

    @Test
    void aTokenThatCannotBeCheckedBecauseTheKeysAreUnreachableIsServiceUnavailable() throws IOException {
        var tokens = new RealtimeTokens(properties("http://127.0.0.1:" + closedPort() + "/.well-known/jwks.json"));

        assertThatThrownBy(() -> tokens.userIdOf(issuer.realtimeToken("u-7")))
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

package io.livedrop.auth.token.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livedrop.common.security.Scopes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SERVICE_CLIENTS and SERVICE_CLIENT_SCOPES as auth-service reads them. */
class ClientCredentialsServiceTests {

    private static final String CLIENTS = "order-service:s1,payment-service:s2,gateway-service:s3";

    @Test
    void eachClientIsAllowedOnlyItsListedScopesInOrder() {
        var clients = new ClientCredentialsService(properties(
                CLIENTS, "order-service=internal:inventory  internal:payments, payment-service=internal:orders"));

        assertThat(clients.allowedScopes("order-service"))
                .containsExactly(Scopes.INTERNAL_INVENTORY, Scopes.INTERNAL_PAYMENTS);
        assertThat(clients.allowedScopes("payment-service")).containsExactly(Scopes.INTERNAL_ORDERS);
        // a known client without an entry, and an unknown one: nothing
        assertThat(clients.allowedScopes("gateway-service")).isEmpty();
        assertThat(clients.allowedScopes("evil-service")).isEmpty();
        assertThat(clients.authenticate("gateway-service", "s3")).isTrue();
    }

    @Test
    void withoutScopesNoClientIsAllowedAny() {
        var clients = new ClientCredentialsService(properties(CLIENTS, ""));

        assertThat(clients.allowedScopes("order-service")).isEmpty();
    }

    @Test
    void anUnknownScopeStopsTheStart() {
        assertThatThrownBy(() -> new ClientCredentialsService(properties(CLIENTS, "order-service=internal")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown scope 'internal'");
        assertThatThrownBy(() -> new ClientCredentialsService(properties(CLIENTS, "order-service=internal:inventry")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("internal:inventry");
    }

    @Test
    void malformedOrRepeatedEntriesStopTheStart() {
        assertThatThrownBy(() -> new ClientCredentialsService(properties(CLIENTS, "order-service:internal:inventory")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("client_id=scope");
        assertThatThrownBy(() -> new ClientCredentialsService(
                        properties(CLIENTS, "order-service=internal:inventory,order-service=internal:orders")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }

    private static AuthProperties properties(String clients, String scopes) {
        return new AuthProperties(
                Duration.ofMinutes(15),
                Duration.ofDays(30),
                Duration.ofDays(30),
                Duration.ofMinutes(5),
                Duration.ofMinutes(5),
                4,
                clients,
                scopes,
                new AuthProperties.Keys(
                        "test-secret",
                        Duration.ofDays(30),
                        Duration.ofMinutes(5),
                        Duration.ofHours(1),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(10)),
                Duration.ofHours(1),
                new AuthProperties.LoginThrottle(
                        5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1)));
    }
}

package io.livedrop.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.security.Scopes;
import io.livedrop.inventory.InventoryApi.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /internal/inventory/**} answers only service tokens with scope {@code internal:inventory},
 * which auth-service grants order-service alone (common-lib's security wiring,
 * {@code livedrop.security.internal-scope}).
 */
class InternalApiSecurityTests extends InventoryIntegrationTest {

    @Test
    void userTokensAreForbiddenAndNothingIsReserved() {
        UUID dropId = drops.live(5);
        String body = """
                {"reservationId":"%s","dropId":"%s","userId":"me","quantity":1,"expiresAt":"2030-01-01T00:00:00Z"}
                """.formatted(UUID.randomUUID(), dropId);
        String userToken = tokens.userToken("me");

        Response reserve = api.postAs("/internal/inventory/reservations", body, userToken);
        Response read = api.getAs("/internal/inventory/drops/" + dropId, userToken);

        assertThat(reserve.status()).isEqualTo(403);
        assertThat(reserve.code()).isEqualTo("FORBIDDEN");
        assertThat(read.status()).isEqualTo(403);
        assertThat(drops.levels(dropId).available()).isEqualTo(5);
    }

    /** Any other service's token (payment-service's, or one for another API) is refused. */
    @Test
    void serviceTokensWithoutTheInventoryScopeAreForbiddenAndNothingIsReserved() {
        UUID dropId = drops.live(5);
        Map<String, String> tokensWithoutInventory = Map.of(
                "payment-service (internal:orders)", tokens.serviceToken("payment-service"),
                "internal:payments only", tokens.serviceToken("order-service", Scopes.INTERNAL_PAYMENTS),
                "the old catch-all internal", tokens.serviceToken("order-service", "internal"),
                "no scope", tokens.serviceToken("gateway-service"));

        tokensWithoutInventory.forEach((which, token) -> {
            String body = """
                    {"reservationId":"%s","dropId":"%s","userId":"me","quantity":1,"expiresAt":"2030-01-01T00:00:00Z"}
                    """.formatted(UUID.randomUUID(), dropId);
            Response reserve = api.postAs("/internal/inventory/reservations", body, token);
            Response read = api.getAs("/internal/inventory/drops/" + dropId, token);

            assertThat(reserve.status()).as(which).isEqualTo(403);
            assertThat(reserve.code()).as(which).isEqualTo("FORBIDDEN");
            assertThat(read.status()).as(which).isEqualTo(403);
        });
        assertThat(drops.levels(dropId).available()).isEqualTo(5);
    }

    @Test
    void orderServicesTokenReserves() {
        UUID dropId = drops.live(5);
        String body = """
                {"reservationId":"%s","dropId":"%s","userId":"me","quantity":1,"expiresAt":"2030-01-01T00:00:00Z"}
                """.formatted(UUID.randomUUID(), dropId);
        String orderService = tokens.serviceToken("order-service", Scopes.INTERNAL_INVENTORY);

        Response reserve = api.postAs("/internal/inventory/reservations", body, orderService);

        assertThat(reserve.status()).isEqualTo(201);
        assertThat(api.getAs("/internal/inventory/drops/" + dropId, orderService)
                        .status())
                .isEqualTo(200);
        assertThat(drops.levels(dropId).available()).isEqualTo(4);
    }

    @Test
    void callsWithoutATokenAreUnauthenticated() {
        Response response = api.getAs("/internal/inventory/drops/" + UUID.randomUUID(), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
    }
}

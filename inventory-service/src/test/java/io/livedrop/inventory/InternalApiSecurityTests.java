package io.livedrop.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.test.TestJwtIssuer;
import io.livedrop.inventory.support.InventoryApi.Response;
import io.livedrop.inventory.support.InventoryIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /internal/inventory/**} answers only service tokens (common-lib's security wiring). */
class InternalApiSecurityTests extends InventoryIntegrationTest {

    @Test
    void userTokensAreForbiddenAndNothingIsReserved() {
        UUID dropId = drops.live(5);
        String body = """
                {"reservationId":"%s","dropId":"%s","userId":"me","quantity":1,"expiresAt":"2030-01-01T00:00:00Z"}
                """.formatted(UUID.randomUUID(), dropId);
        String userToken = TestJwtIssuer.shared().userToken("me");

        Response reserve = api.postAs("/internal/inventory/reservations", body, userToken);
        Response read = api.getAs("/internal/inventory/drops/" + dropId, userToken);

        assertThat(reserve.status()).isEqualTo(403);
        assertThat(reserve.code()).isEqualTo("FORBIDDEN");
        assertThat(read.status()).isEqualTo(403);
        assertThat(drops.levels(dropId).available()).isEqualTo(5);
    }

    @Test
    void callsWithoutATokenAreUnauthenticated() {
        Response response = api.getAs("/internal/inventory/drops/" + UUID.randomUUID(), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
    }
}

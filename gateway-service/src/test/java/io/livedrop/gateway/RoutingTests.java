package io.livedrop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.test.TestJwtIssuer;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every path of API.md reaches the service that owns it, with the caller's token and request id. */
class RoutingTests extends GatewayIntegrationTest {

    private final String token =
            TestJwtIssuer.shared().userToken(UUID.randomUUID().toString());

    @ParameterizedTest
    @CsvSource({
        "POST, /api/auth/register, auth-service",
        "POST, /api/auth/login, auth-service",
        "POST, /api/auth/refresh, auth-service",
        "POST, /api/auth/logout, auth-service",
        "GET, /api/users/me, auth-service",
        "GET, /api/users/u1, auth-service",
        "GET, /api/realtime/token, auth-service",
        "POST, /api/creators, catalog-service",
        "GET, /api/creators/c1, catalog-service",
        "PATCH, /api/creators/me, catalog-service",
        "POST, /api/products, catalog-service",
        "GET, /api/products/p1, catalog-service",
        "PATCH, /api/products/p1, catalog-service",
        "GET, /api/products?creatorId=c1&limit=5, catalog-service",
        "POST, /api/products/p1/image-upload, catalog-service",
        "POST, /api/drops, catalog-service",
        "GET, /api/drops/d1, catalog-service",
        "PATCH, /api/drops/d1, catalog-service",
        "GET, /api/drops?status=live&followed=true, catalog-service",
        "POST, /api/follows, follower-service",
        "DELETE, /api/follows/c1, follower-service",
        "GET, /api/follows/check?creatorId=c1, follower-service",
        "GET, /api/creators/c1/followers, follower-service",
        "GET, /api/users/u1/following, follower-service",
        "POST, /api/orders, order-service",
        "GET, /api/orders/o1, order-service",
        "GET, /api/orders?limit=10, order-service",
        "PUT, /api/orders/o1/cancel, order-service",
        "POST, /api/payments, payment-service",
        "GET, /api/payments/pay1, payment-service",
        "GET, /api/notifications, notification-service",
        "POST, /api/notifications/n1/read, notification-service",
        "POST, /api/notifications/read-all, notification-service",
    })
    void routesEveryApiPathToItsService(String method, String pathAndQuery, String service) {
        var reply = gateway.new Call(method, pathAndQuery)
                .bearer(token)
                .header("X-Request-Id", "routing-" + method + pathAndQuery.hashCode())
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.service()).isEqualTo(service);
        assertThat(reply.text("method")).isEqualTo(method);
        assertThat(reply.text("path") + (reply.text("query") == null ? "" : "?" + reply.text("query")))
                .isEqualTo(pathAndQuery);
        assertThat(reply.text("authorization")).isEqualTo("Bearer " + token);
        assertThat(reply.text("requestId")).isEqualTo("routing-" + method + pathAndQuery.hashCode());
        assertThat(reply.response().headers().allValues("X-Request-Id"))
                .containsExactly("routing-" + method + pathAndQuery.hashCode());
    }

    @ParameterizedTest
    @CsvSource({
        "auth-service, /v3/api-docs/auth-service",
        "catalog-service, /v3/api-docs/catalog-service",
        "follower-service, /v3/api-docs/follower-service",
        "order-service, /v3/api-docs/order-service",
        "payment-service, /v3/api-docs/payment-service",
        "notification-service, /v3/api-docs/notification-service",
    })
    void servesEachServicesOpenApiDocsUnderItsName(String service, String path) {
        var reply = gateway.get(path).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.service()).isEqualTo(service);
        assertThat(reply.text("path")).isEqualTo("/v3/api-docs");
        // the service sees the gateway's host, so its document names the gateway as server
        assertThat(reply.text("host")).isEqualTo("localhost:" + port);
    }
}

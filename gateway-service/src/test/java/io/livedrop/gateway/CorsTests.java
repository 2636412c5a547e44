package io.livedrop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CORS for the default local origins, on preflights, on routed answers and on the gateway's own errors. */
class CorsTests extends GatewayIntegrationTest {

    private static final String ALLOWED = "http://localhost:5173";

    @Test
    void preflightFromAnAllowedOriginIsAnsweredByTheGateway() {
        int hitsBefore = StubUpstreams.ORDER.hits();

        var reply = gateway.options("/api/orders")
                .header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                .send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(reply.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(reply.header("Access-Control-Allow-Headers"))
                .containsIgnoringCase("authorization")
                .containsIgnoringCase("idempotency-key");
        assertThat(reply.header("Access-Control-Max-Age")).isEqualTo("3600");
        assertThat(reply.header("X-Request-Id")).isNotBlank();
        assertThat(StubUpstreams.ORDER.hits()).isEqualTo(hitsBefore);
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        var reply = gateway.options("/api/orders")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .send();

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("FORBIDDEN");
        assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void answersToAnAllowedOriginExposeTheApiHeaders() {
        var reply = gateway.get("/api/drops").header("Origin", ALLOWED).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().headers().allValues("Access-Control-Allow-Origin"))
                .containsExactly(ALLOWED);
        assertThat(reply.header("Access-Control-Expose-Headers"))
                .contains("X-Request-Id")
                .contains("Retry-After")
                .contains("X-RateLimit-Remaining");
    }

    @Test
    void errorsOfTheGatewayItselfCarryCorsHeadersToo() {
        var reply = gateway.get("/api/orders").header("Origin", ALLOWED).send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(reply.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void requestsFromAnotherOriginAreRefused() {
        var reply = gateway.get("/api/drops")
                .header("Origin", "https://evil.example")
                .send();

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("FORBIDDEN");
    }
}

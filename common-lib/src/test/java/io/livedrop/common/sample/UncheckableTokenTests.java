package io.livedrop.common.sample;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.TestInfrastructure;
import io.livedrop.common.test.TestJwtIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * auth-service's JWKS unreachable: a request with a bearer token gets 503 (retry), not 500 and not
 * 401 — the token may be perfectly valid. Public endpoints keep working.
 */
@IntegrationTest(
        properties = {
            TestInfrastructure.OWN_JWKS + "=http://127.0.0.1:9/.well-known/jwks.json",
            "livedrop.security.jwks-timeout=300ms"
        })
@AutoConfigureRestTestClient
class UncheckableTokenTests {

    @Autowired
    RestTestClient http;

    @Test
    void aTokenThatCannotBeCheckedIsA503WithRetryAfter() {
        http.get()
                .uri("/samples/me")
                .header("Authorization", "Bearer " + TestJwtIssuer.shared().userToken("u1"))
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "1")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void publicEndpointsDoNotNeedTheJwks() {
        http.get().uri("/samples/public/7").exchange().expectStatus().isOk();
    }
}

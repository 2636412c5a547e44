package io.livedrop.common.sample;

import io.livedrop.common.security.Scopes;
import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.TestJwtIssuer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Client mistakes of every kind get a 4xx problem+json with a stable code, never a 500. */
@IntegrationTest
@AutoConfigureRestTestClient
class ProblemResponsesTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TestJwtIssuer tokens;

    @Test
    void malformedJsonIsValidationFailed() {
        post("{\"name\": ")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.type")
                .isEqualTo("https://livedrop.io/problems/validation-failed")
                .jsonPath("$.instance")
                .isEqualTo("/samples")
                .jsonPath("$.detail")
                .isEqualTo("Malformed JSON request body");
    }

    @Test
    void wrongTypeNamesTheField() {
        post("{\"name\":\"a\",\"quantity\":\"many\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.detail")
                .isEqualTo("Field 'quantity' has the wrong type");
    }

    @Test
    void unknownEnumValueListsAllowedValues() {
        post("{\"name\":\"a\",\"quantity\":1,\"colour\":\"BLUE\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.detail")
                .isEqualTo("Field 'colour' must be one of [RED, GREEN]");
    }

    @Test
    void missingAndOutOfRangeFieldsAreListed() {
        post("{\"name\":\"\",\"quantity\":0}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()")
                .isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'name')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'quantity')]")
                .exists();
    }

    @Test
    void validBodyPasses() {
        post("{\"name\":\"a\",\"quantity\":2,\"colour\":\"RED\"}")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.quantity")
                .isEqualTo(2);
    }

    @Test
    void outOfRangeQueryParameterIsValidationFailed() {
        http.get()
                .uri("/samples/public/1?limit=500")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
    }

    @Test
    void pathVariableOfWrongTypeIsValidationFailed() {
        http.get()
                .uri("/samples/public/abc")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("number");
    }

    @Test
    void unknownRouteIsNotFound() {
        authorized(http.get().uri("/samples/nothing-here"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void wrongMethodIsMethodNotAllowed() {
        authorized(http.delete().uri("/samples/me"))
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void missingHeaderIsValidationFailed() {
        authorized(http.get().uri("/samples/header"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.detail")
                .isEqualTo("Required header 'X-Needed' is missing");
    }

    @Test
    void unsupportedMediaTypeIsReported() {
        authorized(http.post().uri("/samples"))
                .contentType(MediaType.TEXT_PLAIN)
                .body("hello")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void domainErrorKeepsItsCode() {
        authorized(http.get().uri("/samples/sold-out"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SOLD_OUT")
                .jsonPath("$.title")
                .isEqualTo("Sold out")
                .jsonPath("$.detail")
                .isEqualTo("Only 0 left");
    }

    @Test
    void unexpectedErrorHidesInternals() {
        authorized(http.get().uri("/samples/boom"))
                .exchange()
                .expectStatus()
                .isEqualTo(500)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("INTERNAL_ERROR")
                .jsonPath("$.detail")
                .isEqualTo("An unexpected error occurred");
    }

    @Test
    void missingTokenIsUnauthenticated() {
        http.get()
                .uri("/samples/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void expiredTokenIsUnauthenticated() {
        http.get()
                .uri("/samples/me")
                .header("Authorization", "Bearer " + tokens.userToken("u1", Duration.ofMinutes(-5)))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void tamperedTokenIsUnauthenticated() {
        String token = tokens.userToken("u1");
        String tampered = token.substring(0, token.length() - 4) + "AAAA";
        http.get()
                .uri("/samples/me")
                .header("Authorization", "Bearer " + tampered)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void userTokenIdentifiesTheCaller() {
        authorized(http.get().uri("/samples/me"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo("user-1");
    }

    @Test
    void realtimeTokenIsNotAnAccessToken() {
        http.get()
                .uri("/samples/me")
                .header("Authorization", "Bearer " + tokens.realtimeToken("user-1"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void internalApiRejectsUserTokens() {
        authorized(http.get().uri("/internal/samples"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void internalApiAcceptsServiceTokensWithItsScope() {
        http.get()
                .uri("/internal/samples")
                .header("Authorization", "Bearer " + tokens.serviceToken("order-service", "internal:samples"))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** A service token is not enough: it must carry this service's scope (livedrop.security.internal-scope). */
    @Test
    void internalApiRefusesServiceTokensForAnotherService() {
        for (String token : new String[] {
            tokens.serviceToken("order-service"), // internal:inventory internal:payments
            tokens.serviceToken("order-service", Scopes.INTERNAL_ORDERS),
            tokens.serviceToken("gateway-service") // no scope at all
        }) {
            http.get()
                    .uri("/internal/samples")
                    .header("Authorization", "Bearer " + token)
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void serviceTokenIsNotAUserToken() {
        http.get()
                .uri("/samples/me")
                .header("Authorization", "Bearer " + tokens.serviceToken("order-service"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        http.get()
                .uri("/samples/public/1")
                .header("X-Request-Id", "abc-123")
                .exchange()
                .expectHeader()
                .valueEquals("X-Request-Id", "abc-123");
        http.get().uri("/samples/public/1").exchange().expectHeader().valueMatches("X-Request-Id", "[0-9a-f-]{36}");
        http.get().uri("/samples/me").exchange().expectHeader().exists("X-Request-Id");
    }

    private RestTestClient.ResponseSpec post(String json) {
        return authorized(http.post().uri("/samples"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .exchange();
    }

    private <S extends RestTestClient.RequestHeadersSpec<?>> S authorized(S spec) {
        spec.header("Authorization", "Bearer " + tokens.userToken("user-1"));
        return spec;
    }
}

package io.livedrop.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.livedrop.common.client.ClientCredentialsTokenProvider;
import io.livedrop.common.client.ServiceCredentialsProperties;
import io.livedrop.common.client.ServiceTokenProvider;
import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.Reply;
import io.livedrop.common.test.StubServer;
import io.livedrop.common.test.TestInfrastructure;
import io.livedrop.common.test.TestJwtIssuer;
import io.livedrop.common.test.TestPostgres;
import io.livedrop.payment.support.PaymentFixtures;
import io.livedrop.payment.support.PeerStubs;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Paying needs order-service, and every call to it needs a service token from auth-service. Here the
 * tokens come from a stub auth-service through the real {@link ClientCredentialsTokenProvider}
 * (with {@code livedrop.service-credentials.timeout} at 500 ms): a slow auth-service or one that
 * refuses our credential makes the payment a quick 503 (nothing charged, not stored), never a hang
 * or a 500, and the same key succeeds once tokens come again. Its own Spring context and database.
 */
@IntegrationTest
@Import({PeerStubs.class, ServiceTokenOutageTests.StubAuthTokens.class})
class ServiceTokenOutageTests {

    static final AuthServiceStub auth = new AuthServiceStub();

    @DynamicPropertySource
    static void stubAuth(DynamicPropertyRegistry registry) {
        auth.up();
        registry.add(TestInfrastructure.OWN_DATABASE, () -> TestPostgres.isolatedJdbcUrl("servicetokens"));
        registry.add("livedrop.service-credentials.token-uri", () -> auth.url() + "/oauth2/token");
        registry.add("livedrop.service-credentials.timeout", () -> "500ms");
    }

    /** The real token provider instead of the test issuer's tokens, wired from the bound properties. */
    @TestConfiguration(proxyBeanMethods = false)
    static class StubAuthTokens {

        @Bean
        @Primary
        ServiceTokenProvider tokensFromTheStubAuthService(
                RestClient.Builder builder, ServiceCredentialsProperties credentials, Clock clock) {
            return new ClientCredentialsTokenProvider(builder, credentials, clock);
        }
    }

    @Autowired
    PaymentFixtures fixtures;

    @AfterEach
    void authAnswersAgain() {
        auth.delay = Duration.ZERO;
        auth.refuseCredentials = false;
    }

    @AfterAll
    static void stopAuth() {
        auth.down();
    }

    @Test
    void aSlowAuthServiceMakesThePaymentAQuick503AndTheSameKeySucceedsLater() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 800);
        auth.delay = Duration.ofSeconds(30);

        Reply reply = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> fixtures.api().pay(buyer, "token-slow", orderId, "tok_visa"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(fixtures.chargesOf(orderId)).isEmpty();
        assertThat(fixtures.paymentIdsOf(orderId)).isEmpty();

        auth.delay = Duration.ZERO;
        Reply paid = await().atMost(PaymentFixtures.PATIENCE)
                .until(() -> fixtures.api().pay(buyer, "token-slow", orderId, "tok_visa"), r -> r.status() != 503);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.text("status")).isEqualTo("succeeded");
        assertThat(fixtures.capturedChargesOf(orderId)).isEqualTo(1);
    }

    @Test
    void anAuthServiceThatRefusesOurCredentialIsA503NotA500() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 800);
        auth.refuseCredentials = true;

        Reply reply = fixtures.api().pay(buyer, orderId, "tok_visa");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(fixtures.chargesOf(orderId)).isEmpty();
    }

    /** auth-service's token endpoint: a form with the client-credentials grant, answered with a token. */
    static final class AuthServiceStub extends StubServer {

        final AtomicInteger issued = new AtomicInteger();
        volatile Duration delay = Duration.ZERO;
        volatile boolean refuseCredentials;

        @Override
        protected boolean authenticated(String authorization) {
            return authorization != null && authorization.startsWith("Basic ");
        }

        @Override
        protected StubReply handle(String method, String path, JsonNode body) throws Exception {
            Thread.sleep(delay);
            if (refuseCredentials) {
                return ok(401, Map.of("error", "invalid_client")); // RFC 6749, as auth-service answers
            }
            if (!"client_credentials".equals(body.path("grant_type").asString())) {
                return problem(400, "VALIDATION_FAILED", "unsupported grant");
            }
            // a JWT with the scopes asked for (payment-service's livedrop.service-credentials.scope),
            // which the order-service stub checks for internal:orders
            issued.incrementAndGet();
            String scope = body.path("scope").asString("");
            return ok(
                    200,
                    Map.of(
                            "access_token",
                            TestJwtIssuer.shared().serviceToken("payment-service", scope.split(" ")),
                            "token_type",
                            "Bearer",
                            "expires_in",
                            300,
                            "scope",
                            scope));
        }
    }
}

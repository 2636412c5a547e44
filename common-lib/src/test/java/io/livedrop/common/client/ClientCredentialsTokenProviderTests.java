package io.livedrop.common.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.livedrop.common.peer.PeerCalls;
import io.livedrop.common.peer.PeerProperties;
import io.livedrop.common.peer.PeerUnavailableException;
import io.livedrop.common.test.StubServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service-token fetch against a stub auth-service that answers tokens, is slow, or is down: a
 * bounded fetch, one shared fetch at a time, refreshes ahead of expiry that callers holding a valid
 * token never wait for, and failures that reach peer calls as an outage (503 at the endpoint).
 */
class ClientCredentialsTokenProviderTests {

    static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Far beyond every wait the provider may do: a test that gets here waited for a slow auth-service. */
    static final Duration SLOW = Duration.ofSeconds(10);
    /** Guards the tests against a provider that waits for {@link #SLOW}. */
    static final Duration NEVER_THAT_LONG = Duration.ofSeconds(5);

    final AuthServerStub auth = new AuthServerStub();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    ClientCredentialsTokenProvider provider;

    ClientCredentialsTokenProviderTests() {
        auth.start();
        provider = new ClientCredentialsTokenProvider(
                RestClient.builder(),
                new ServiceCredentialsProperties(
                        auth.url() + "/oauth2/token",
                        "order-service",
                        "secret",
                        "internal:inventory internal:payments",
                        TIMEOUT),
                clock);
    }

    @AfterEach
    void stopAuth() {
        auth.delay = Duration.ZERO;
        auth.down();
    }

    @Test
    void fetchesATokenWithTheClientCredentialsAndReusesIt() {
        String first = provider.token();
        String second = provider.token();

        assertThat(first).isEqualTo("token-1");
        assertThat(second).isEqualTo(first);
        assertThat(auth.fetches()).isEqualTo(1);
        assertThat(auth.lastGrant.get()).isEqualTo("client_credentials");
        // asks for the scopes it is configured with (livedrop.service-credentials.scope)
        assertThat(auth.lastScope.get()).isEqualTo("internal:inventory internal:payments");
    }

    @Test
    void aSlowAuthServiceIsGivenUpOnAfterTheTimeout() {
        auth.delay = SLOW;

        assertTimeoutPreemptively(
                NEVER_THAT_LONG,
                () -> assertThatThrownBy(provider::token).isInstanceOf(ServiceTokenUnavailableException.class));
    }

    @Test
    void anUnreachableOrFailingAuthServiceIsServiceTokenUnavailable() {
        auth.down();
        assertThatThrownBy(provider::token).isInstanceOf(ServiceTokenUnavailableException.class);

        auth.up();
        auth.status = 500;
        clock.advance(ClientCredentialsTokenProvider.RETRY_AFTER_FAILURE);
        assertThatThrownBy(provider::token).isInstanceOf(ServiceTokenUnavailableException.class);

        auth.status = 200;
        clock.advance(ClientCredentialsTokenProvider.RETRY_AFTER_FAILURE);
        assertThat(provider.token()).isEqualTo("token-2");
    }

    @Test
    void afterAFailedFetchCallersAreAnsweredAtOnceForAMomentInsteadOfFetchingAgain() {
        auth.down();
        assertThatThrownBy(provider::token).isInstanceOf(ServiceTokenUnavailableException.class);
        auth.up();

        assertThatThrownBy(provider::token).isInstanceOf(ServiceTokenUnavailableException.class);
        assertThat(auth.fetches()).isZero();
        clock.advance(ClientCredentialsTokenProvider.RETRY_AFTER_FAILURE);
        assertThat(provider.token()).isEqualTo("token-1");
    }

    @Test
    void theTokenIsRefreshedAheadOfItsExpiryWithoutAnyCallerWaiting() {
        assertThat(provider.token()).isEqualTo("token-1");
        // 4m40s into a 5-minute token: still valid, and the refresh is due
        clock.advance(Duration.ofSeconds(280));

        assertThat(provider.token()).isEqualTo("token-1");
        await().atMost(NEVER_THAT_LONG).until(() -> provider.token().equals("token-2"));
        assertThat(auth.fetches()).isEqualTo(2);
    }

    @Test
    void callersWithAValidTokenNeverBlockOnAHangingRefresh() throws Exception {
        provider.token();
        clock.advance(Duration.ofSeconds(280));
        auth.delay = SLOW;

        List<String> tokens = assertTimeoutPreemptively(NEVER_THAT_LONG, () -> concurrently(50, provider::token));

        assertThat(tokens).hasSize(50).containsOnly("token-1");
        await().atMost(NEVER_THAT_LONG).until(() -> auth.fetches() >= 2);
        assertThat(auth.fetches()).as("one refresh for all of them").isEqualTo(2);
    }

    @Test
    void callersWithoutATokenShareOneFetchAndWaitForItBoundedly() throws Exception {
        auth.delay = SLOW;

        List<String> outcomes = assertTimeoutPreemptively(
                NEVER_THAT_LONG,
                () -> concurrently(50, () -> {
                    try {
                        return provider.token();
                    } catch (ServiceTokenUnavailableException unavailable) {
                        return "unavailable";
                    }
                }));

        assertThat(outcomes).containsOnly("unavailable");
        assertThat(auth.fetches()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsNeverHandedOut() {
        provider.token();
        auth.down();
        clock.advance(Duration.ofSeconds(299));

        assertThatThrownBy(provider::token).isInstanceOf(ServiceTokenUnavailableException.class);
    }

    /** The peer call is not sent; the endpoint sees an unavailable peer (503), and the peer's circuit is spared. */
    @Test
    void aPeerCallWithoutAServiceTokenIsAPeerOutageThatDidNotArrive() {
        PeerStub peer = new PeerStub();
        peer.start();
        try {
            auth.delay = SLOW;
            InternalRestClients clients = new InternalRestClients(
                    RestClient.builder(),
                    provider,
                    new org.springframework.beans.factory.support.DefaultListableBeanFactory()
                            .getBeanProvider(org.springframework.cloud.client.loadbalancer.LoadBalancerClient.class));
            RestClient client = clients.create(peer.url(), Duration.ofSeconds(1), Duration.ofSeconds(1));
            PeerCalls calls = PeerCalls.withCircuitBreaker(
                    "inventory",
                    peerProperties(),
                    CircuitBreakerRegistry.ofDefaults(),
                    JsonMapper.builder().build());

            for (int i = 0; i < 5; i++) {
                assertTimeoutPreemptively(
                        NEVER_THAT_LONG,
                        () -> assertThatThrownBy(() -> calls.call(() -> client.get()
                                        .uri("/internal/anything")
                                        .retrieve()
                                        .body(String.class)))
                                .isInstanceOfSatisfying(
                                        PeerUnavailableException.class,
                                        unavailable -> assertThat(unavailable.mayHaveArrived())
                                                .isFalse()));
            }

            assertThat(peer.calls.get()).isZero();
            assertThat(calls.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            auth.delay = Duration.ZERO;
            clock.advance(ClientCredentialsTokenProvider.RETRY_AFTER_FAILURE);
            assertThat(calls.call(() ->
                            client.get().uri("/internal/anything").retrieve().body(String.class)))
                    .contains("ok");
        } finally {
            peer.down();
        }
    }

    private static <T> List<T> concurrently(int callers, java.util.concurrent.Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    private static PeerProperties peerProperties() {
        return new PeerProperties(
                "http://unused",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                new PeerProperties.CircuitBreakerProperties(50, 4, 2, Duration.ofSeconds(30), 1));
    }

    /** auth-service's token endpoint: client credentials in Basic auth, a form body, a JSON token. */
    static final class AuthServerStub extends StubServer {

        final AtomicInteger fetches = new AtomicInteger();
        final AtomicReference<String> lastGrant = new AtomicReference<>();
        final AtomicReference<String> lastScope = new AtomicReference<>();
        volatile Duration delay = Duration.ZERO;
        volatile int status = 200;

        int fetches() {
            return fetches.get();
        }

        @Override
        protected boolean authenticated(String authorization) {
            String expected = "Basic "
                    + Base64.getEncoder().encodeToString("order-service:secret".getBytes(StandardCharsets.UTF_8));
            return expected.equals(authorization);
        }

        /** Counts every request as it arrives (a slow one too), and numbers the tokens by it. */
        @Override
        protected StubReply handle(String method, String path, JsonNode body) throws Exception {
            int fetch = fetches.incrementAndGet();
            Thread.sleep(delay);
            if (!method.equals("POST") || !path.equals("/oauth2/token")) {
                return problem(404, "NOT_FOUND", "no route");
            }
            if (status != 200) {
                return problem(status, "INTERNAL_ERROR", "auth-service failed");
            }
            lastGrant.set(body.path("grant_type").asString());
            lastScope.set(body.path("scope").asString());
            return ok(
                    200,
                    Map.of(
                            "access_token",
                            "token-" + fetch,
                            "token_type",
                            "Bearer",
                            "expires_in",
                            300,
                            "scope",
                            "internal:inventory internal:payments"));
        }
    }

    static final class PeerStub extends StubServer {

        final AtomicInteger calls = new AtomicInteger();

        @Override
        protected StubReply handle(String method, String path, JsonNode body) {
            calls.incrementAndGet();
            return ok(200, Map.of("status", "ok"));
        }
    }

    static final class MutableClock extends Clock {

        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(instant -> instant.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

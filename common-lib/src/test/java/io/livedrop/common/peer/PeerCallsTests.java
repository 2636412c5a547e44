package io.livedrop.common.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.databind.json.JsonMapper;

class PeerCallsTests {

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final PeerCalls calls = PeerCalls.withCircuitBreaker(
            "inventory", properties(2), breakers, JsonMapper.builder().build());

    @Test
    void returnsThePeersAnswer() {
        assertThat(calls.call(() -> "held")).isEqualTo("held");
    }

    @Test
    void problemWithCodeIsARejectionThatDoesNotCountAgainstTheCircuit() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> calls.call(() -> {
                        throw clientError(HttpStatus.CONFLICT, "{\"code\":\"SOLD_OUT\",\"detail\":\"Only 2 left\"}");
                    }))
                    .isInstanceOfSatisfying(PeerRejectedException.class, rejected -> {
                        assertThat(rejected.status()).isEqualTo(409);
                        assertThat(rejected.code()).isEqualTo("SOLD_OUT");
                        assertThat(rejected.getMessage()).isEqualTo("Only 2 left");
                    });
        }

        assertThat(calls.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void clientErrorWithoutProblemCodeIsAnOutageThatCertainlyDidNotArrive() {
        assertUnavailable(clientError(HttpStatus.UNAUTHORIZED, "<html>no</html>"), false);
    }

    @Test
    void serverErrorMayHaveArrivedExceptA503() {
        assertUnavailable(serverError(HttpStatus.INTERNAL_SERVER_ERROR), true);
        assertUnavailable(serverError(HttpStatus.SERVICE_UNAVAILABLE), false);
    }

    @Test
    void a503SayingTheOutcomeIsPendingMayHaveArrived() {
        assertUnavailable(
                HttpServerErrorException.create(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Service Unavailable",
                        HttpHeaders.EMPTY,
                        "{\"code\":\"OUTCOME_PENDING\"}".getBytes(StandardCharsets.UTF_8),
                        null),
                true);
        assertUnavailable(
                HttpServerErrorException.create(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Service Unavailable",
                        HttpHeaders.EMPTY,
                        "{\"code\":\"SERVICE_UNAVAILABLE\"}".getBytes(StandardCharsets.UTF_8),
                        null),
                false);
    }

    @Test
    void refusedConnectionDidNotArriveButAReadTimeoutMayHave() {
        assertUnavailable(new ResourceAccessException("refused", new ConnectException("refused")), false);
        assertUnavailable(new ResourceAccessException("slow", new SocketTimeoutException("read timed out")), true);
    }

    @Test
    void outagesOpenTheCircuitAndAnOpenCircuitDoesNotCall() {
        for (int i = 0; i < 2; i++) {
            assertUnavailable(serverError(HttpStatus.INTERNAL_SERVER_ERROR), true);
        }

        assertThat(calls.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> calls.call(() -> {
                    throw new AssertionError("must not be called while the circuit is open");
                }))
                .isInstanceOfSatisfying(
                        PeerUnavailableException.class,
                        e -> assertThat(e.mayHaveArrived()).isFalse());
    }

    private void assertUnavailable(RuntimeException failure, boolean mayHaveArrived) {
        assertThatThrownBy(() -> calls.call(() -> {
                    throw failure;
                }))
                .isInstanceOfSatisfying(
                        PeerUnavailableException.class,
                        e -> assertThat(e.mayHaveArrived()).isEqualTo(mayHaveArrived));
    }

    private static PeerProperties properties(int window) {
        return new PeerProperties(
                "http://localhost:1",
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                new PeerProperties.CircuitBreakerProperties(50, window, window, Duration.ofMinutes(1), 1));
    }

    private static HttpClientErrorException clientError(HttpStatus status, String body) {
        return HttpClientErrorException.create(
                status, status.getReasonPhrase(), HttpHeaders.EMPTY, body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static HttpServerErrorException serverError(HttpStatus status) {
        return HttpServerErrorException.create(status, status.getReasonPhrase(), HttpHeaders.EMPTY, new byte[0], null);
    }
}

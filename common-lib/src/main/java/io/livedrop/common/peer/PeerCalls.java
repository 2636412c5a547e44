package io.livedrop.common.peer;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.livedrop.common.client.ServiceTokenUnavailableException;
import io.livedrop.common.error.ErrorCode;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.function.Supplier;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a peer through its circuit breaker and sorts the outcome into an answer, a business
 * rejection ({@link PeerRejectedException}, 4xx with a problem code; does not count against the
 * circuit) or an outage ({@link PeerUnavailableException}; counts).
 */
public final class PeerCalls {

    private final String peer;
    private final CircuitBreaker circuitBreaker;
    private final JsonMapper json;

    public PeerCalls(String peer, CircuitBreaker circuitBreaker, JsonMapper json) {
        this.peer = peer;
        this.circuitBreaker = circuitBreaker;
        this.json = json;
    }

    /** Calls to {@code peer} through the registry's circuit breaker of that name, set up from {@code properties}. */
    public static PeerCalls withCircuitBreaker(
            String peer, PeerProperties properties, CircuitBreakerRegistry breakers, JsonMapper json) {
        var settings = properties.circuitBreaker();
        var config = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .recordException(PeerCalls::isFailure)
                .build();
        return new PeerCalls(peer, breakers.circuitBreaker(peer, config), json);
    }

    public <T> T call(Supplier<T> request) {
        try {
            return circuitBreaker.executeSupplier(() -> {
                try {
                    return request.get();
                } catch (HttpClientErrorException rejected) {
                    throw rejection(rejected);
                } catch (HttpServerErrorException failed) {
                    // our services answer a plain 503 only when they wrote nothing (e.g. no free database
                    // connection); a 503 OUTCOME_PENDING says the work started and may still commit
                    boolean mayHaveArrived = failed.getStatusCode().value() != 503 || outcomePending(failed);
                    throw new PeerUnavailableException(
                            peer + " answered " + failed.getStatusCode().value(), mayHaveArrived, failed);
                } catch (ServiceTokenUnavailableException noToken) {
                    // the call was never sent; auth-service's trouble is not the peer's (see isFailure)
                    throw new PeerUnavailableException(peer + " not called: " + noToken.getMessage(), false, noToken);
                } catch (RestClientException failed) {
                    throw new PeerUnavailableException(
                            peer + " unreachable: " + failed.getMessage(), mayHaveArrived(failed), failed);
                }
            });
        } catch (CallNotPermittedException open) {
            throw new PeerUnavailableException("circuit breaker of " + peer + " is open", false, open);
        }
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /**
     * Counts toward opening the circuit: outages only, never a peer's "no", nor a call that was not sent
     * for want of a service token.
     */
    public static boolean isFailure(Throwable error) {
        return error instanceof PeerUnavailableException
                && !(error.getCause() instanceof ServiceTokenUnavailableException);
    }

    private RuntimeException rejection(RestClientResponseException response) {
        String code = null;
        String detail = peer + " answered " + response.getStatusCode().value();
        try {
            JsonNode body = json.readTree(response.getResponseBodyAsString());
            if (body.hasNonNull("code")) {
                code = body.get("code").asString();
            }
            if (body.hasNonNull("detail")) {
                detail = body.get("detail").asString();
            }
        } catch (RuntimeException notJson) {
            // no problem body: the status alone decides
        }
        if (code == null) {
            // a 4xx without our problem shape (e.g. a proxy or a credential problem) is not a business answer
            return new PeerUnavailableException(detail, false, response);
        }
        return new PeerRejectedException(response.getStatusCode().value(), code, detail);
    }

    private boolean outcomePending(RestClientResponseException response) {
        try {
            JsonNode body = json.readTree(response.getResponseBodyAsString());
            return body.hasNonNull("code")
                    && ErrorCode.OUTCOME_PENDING.name().equals(body.get("code").asString());
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static boolean mayHaveArrived(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof HttpConnectTimeoutException
                    || cause instanceof ConnectTimeoutException
                    || cause instanceof ConnectionRequestTimeoutException) {
                return false;
            }
        }
        return true;
    }
}

package io.livedrop.gateway.ratelimit.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.gateway.ratelimit.application.RateLimitProperties;
import io.livedrop.gateway.ratelimit.domain.RateLimitPolicy;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class RateLimitPolicyResolverTests {

    @ParameterizedTest
    @CsvSource({
        "POST, /api/orders, ORDERS",
        "GET, /api/orders, STANDARD",
        "PUT, /api/orders/o1/cancel, STANDARD",
        "POST, /api/auth/login, AUTH",
        "POST, /api/auth/logout, AUTH",
        "GET, /api/users/me, STANDARD",
        "POST, /api/payments, STANDARD",
        "GET, /api/drops, STANDARD",
        "POST, /api/%61uth/login, AUTH",
        "POST, /api/auth/%6Cogin, AUTH",
        "POST, /api/auth, AUTH",
        "POST, /api/%6Frders, ORDERS",
        "POST, /api/orders/, ORDERS",
        "POST, /api/authx/login, STANDARD",
        "POST, /api/ordersx, STANDARD",
    })
    void picksTheBucketOfARequest(String method, String path, RateLimitPolicy expected) {
        // the raw path as sent (a URL template would encode the % of %61 once more)
        var request = MockServerHttpRequest.method(HttpMethod.valueOf(method), URI.create(path))
                .build();

        assertThat(RateLimitPolicyResolver.of(request)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"20, 20", "0.5, 0.5", "2.50, 2.5"})
    void formatsTheReplenishRateHeader(double rate, String header) {
        assertThat(new RateLimitProperties.Limit(rate, 10).replenishRateHeader())
                .isEqualTo(header);
    }
}

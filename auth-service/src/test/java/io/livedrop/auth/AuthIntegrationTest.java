package io.livedrop.auth;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.TestJwtIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The base of auth-service's integration tests: the service on a random port against real PostgreSQL
 * and Kafka (one Spring context for every subclass), an {@link AuthApi} pointed at it, the test token
 * issuer for tokens auth-service did not issue, and the database.
 */
@IntegrationTest
abstract class AuthIntegrationTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Tokens signed by the shared test issuer (not by auth-service's keys). */
    final TestJwtIssuer jwtIssuer = TestJwtIssuer.shared();

    AuthApi api;

    @BeforeEach
    void connectApi() {
        api = new AuthApi(port);
    }
}

package io.livedrop.order;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.TestJwtIssuer;
import io.livedrop.order.support.OrderFixtures;
import io.livedrop.order.support.PeerStubs;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * order-service on real PostgreSQL and Kafka, with stubs of inventory's and payment-service's
 * internal APIs ({@link PeerStubs}). Every integration test of the module extends this one base, so
 * they share a Spring context, the fixtures and one HTTP client ({@link OrderApi}).
 */
@IntegrationTest
@Import(PeerStubs.class)
public abstract class OrderIntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestJwtIssuer tokens;

    @Autowired
    protected OrderFixtures fixtures;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected CircuitBreakerRegistry circuitBreakers;

    /** order-service's API on this context's port. */
    protected OrderApi api;

    @BeforeEach
    void connectApi() {
        api = new OrderApi(port, tokens);
    }
}

package io.livedrop.payment;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.TestJwtIssuer;
import io.livedrop.payment.support.PaymentFixtures;
import io.livedrop.payment.support.PeerStubs;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * payment-service on real PostgreSQL and Kafka, with a stub of order-service's internal API ({@link
 * PeerStubs}). Every integration test of the module that needs no context of its own extends this one
 * base, so they share a Spring context, the fixtures and one HTTP client ({@link PaymentApi}).
 */
@IntegrationTest
@Import(PeerStubs.class)
public abstract class PaymentIntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestJwtIssuer tokens;

    @Autowired
    protected PaymentFixtures fixtures;

    @Autowired
    protected JsonMapper json;

    /** payment-service's API on this context's port. */
    protected PaymentApi api;

    @BeforeEach
    void connectApi() {
        api = new PaymentApi(port, tokens);
    }
}

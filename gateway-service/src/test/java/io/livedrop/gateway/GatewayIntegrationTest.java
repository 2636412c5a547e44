package io.livedrop.gateway;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.TestJwtIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;

/**
 * The gateway on a random port against real Redis and the test token issuer, routing to {@link
 * StubUpstreams}. Every class extending it shares one Spring context (unless it adds its own imports
 * or properties), and gets a ready {@link GatewayApi} client, the token issuer and the meters.
 */
@IntegrationTest
@Import(StubUpstreams.class)
public abstract class GatewayIntegrationTest {

    protected final TestJwtIssuer tokens = TestJwtIssuer.shared();

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected MeterRegistry meters;

    protected GatewayApi gateway;

    @BeforeEach
    void gatewayApi() {
        gateway = new GatewayApi(port);
    }
}

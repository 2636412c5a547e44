package io.livedrop.catalog;

import io.livedrop.catalog.support.CatalogApi;
import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.TestJwtIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The base of catalog-service's integration tests: the service on a random port with real
 * PostgreSQL, Redis and Kafka, and a ready {@link CatalogApi} to call it like a client. A test whose
 * context must differ (own properties, own database) adds its own {@code @IntegrationTest(properties
 * = ...)} or {@code @DynamicPropertySource} on top.
 */
@IntegrationTest
public abstract class CatalogIntegrationTest {

    @Value("${local.server.port}")
    protected int port;

    @Value("${livedrop.redis.key-prefix}")
    protected String keyPrefix;

    @Autowired
    protected TestJwtIssuer tokens;

    @Autowired
    protected JdbcClient jdbc;

    /** The service's HTTP API, as a client sees it. */
    protected CatalogApi api;

    @BeforeEach
    void connectApi() {
        api = new CatalogApi(port, tokens);
    }
}

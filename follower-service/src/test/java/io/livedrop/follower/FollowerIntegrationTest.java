package io.livedrop.follower;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.TestJwtIssuer;
import io.livedrop.follower.creator.persistence.CreatorRepository;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The base of follower-service's integration tests: the service on a random port against real
 * PostgreSQL and Kafka (one Spring context for every subclass that adds nothing of its own), a ready
 * {@link FollowerApi}, the {@link FollowerFixtures} built from the service's beans, and the test
 * token issuer the fixtures sign callers' tokens with.
 */
@IntegrationTest
@AutoConfigureRestTestClient
public abstract class FollowerIntegrationTest {

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected CreatorRepository creators;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected JsonMapper json;

    /** Signs the callers' tokens ({@link FollowerFixtures#bearer}). */
    protected final TestJwtIssuer jwtIssuer = TestJwtIssuer.shared();

    protected FollowerApi api;
    protected FollowerFixtures fixtures;

    @BeforeEach
    void connectApi() {
        api = new FollowerApi(http);
        fixtures = new FollowerFixtures(creators, jdbc, json);
    }
}

package io.livedrop.common.test;

import io.livedrop.common.client.ServiceTokenProvider;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Real infrastructure for integration tests: this JVM's fresh database on the local PostgreSQL, its
 * own Redis key prefix, an embedded KRaft Kafka broker and the test token issuer. Where the local
 * servers are absent and Docker is present, {@link ContainerInfrastructure} supplies PostgreSQL and
 * Redis as Testcontainers {@code @ServiceConnection}s instead.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ContainerInfrastructure.class)
public class TestInfrastructure {

    /** Set by a test that brings its own broker (e.g. one it stops and restarts). */
    public static final String OWN_KAFKA = "livedrop.test.kafka-bootstrap-servers";
    /** Set by a test that needs a database of its own ({@link TestPostgres#isolatedJdbcUrl}). */
    public static final String OWN_DATABASE = "livedrop.test.datasource-url";
    /** Set by a test that needs its own JWKS (e.g. one that cannot be reached). */
    public static final String OWN_JWKS = "livedrop.test.jwks-uri";

    @Bean
    DynamicPropertyRegistrar sharedTestProperties(Environment environment) {
        return registry -> {
            registry.add(
                    "spring.kafka.bootstrap-servers", () -> ownOr(environment, OWN_KAFKA, TestKafka::bootstrapServers));
            registry.add("livedrop.kafka.partitions", () -> "3");
            registry.add("livedrop.redis.key-prefix", TestRedis::keyPrefix);
            registry.add(
                    "livedrop.security.jwks-uri",
                    () -> ownOr(
                            environment, OWN_JWKS, () -> TestJwtIssuer.shared().jwksUri()));
            registry.add("livedrop.security.issuer", () -> TestJwtIssuer.ISSUER);
        };
    }

    @Bean
    @Conditional(UseLocalServers.class)
    DynamicPropertyRegistrar localServerProperties(Environment environment) {
        return registry -> {
            registry.add("spring.datasource.url", () -> ownOr(environment, OWN_DATABASE, TestPostgres::jdbcUrl));
            registry.add("spring.datasource.username", TestPostgres::username);
            registry.add("spring.datasource.password", TestPostgres::password);
            registry.add("spring.data.redis.host", TestRedis::host);
            registry.add("spring.data.redis.port", TestRedis::port);
        };
    }

    @Bean
    TestContexts.Lease testContextLease() {
        return new TestContexts.Lease();
    }

    @Bean
    @ConditionalOnClass(name = "com.nimbusds.jose.JWSSigner")
    TestJwtIssuer testJwtIssuer() {
        return TestJwtIssuer.shared();
    }

    /**
     * Outgoing internal calls carry a service token from the test issuer instead of auth-service's,
     * with the scopes the service asks for ({@code livedrop.service-credentials.scope}), or what
     * auth-service grants the client by default when it asks for none.
     */
    @Bean
    @ConditionalOnClass(name = "com.nimbusds.jose.JWSSigner")
    ServiceTokenProvider testServiceTokenProvider(
            @Value("${spring.application.name:test}") String clientId,
            @Value("${livedrop.service-credentials.scope:}") String scope) {
        return scope.isBlank()
                ? () -> TestJwtIssuer.shared().serviceToken(clientId)
                : () -> TestJwtIssuer.shared()
                        .serviceToken(clientId, scope.strip().split("\\s+"));
    }

    private static String ownOr(Environment environment, String override, Supplier<String> shared) {
        String own = environment.getProperty(override);
        return own != null ? own : shared.get();
    }
}

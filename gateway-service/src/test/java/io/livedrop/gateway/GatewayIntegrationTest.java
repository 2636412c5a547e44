package io.livedrop.gateway;

import io.livedrop.common.test.IntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * The gateway on a random port against real Redis and the test token issuer, routing to {@link
 * StubUpstreams}. Every class with it shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@Import(StubUpstreams.class)
public @interface GatewayIntegrationTest {}

package io.livedrop.payment.support;

import io.livedrop.common.test.IntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * payment-service on real PostgreSQL and Kafka, with a stub of order-service's internal API. Every
 * test class of the module uses this one configuration, so they share a context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@IntegrationTest
@Import(PeerStubs.class)
public @interface PaymentServiceTest {}

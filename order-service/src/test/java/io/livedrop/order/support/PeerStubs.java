package io.livedrop.order.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points order-service at the peer stubs, with timings short enough for tests (a read timeout that a
 * "slow" stub exceeds, fast recovery and expiry rounds).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(OrderFixtures.class)
public class PeerStubs {

    @Bean
    DynamicPropertyRegistrar peerStubProperties() {
        return registry -> {
            registry.add(
                    "livedrop.order.inventory.url", () -> InventoryStub.shared().url());
            registry.add("livedrop.order.inventory.read-timeout", () -> "1500ms");
            registry.add(
                    "livedrop.order.payment.url", () -> PaymentStub.shared().url());
            registry.add("livedrop.order.payment.read-timeout", () -> "1500ms");
            registry.add("livedrop.order.expiry-interval", () -> "300ms");
            registry.add("livedrop.order.recovery-interval", () -> "500ms");
            registry.add("livedrop.order.retry-initial", () -> "200ms");
            registry.add("livedrop.order.retry-max", () -> "2s");
            registry.add("livedrop.order.step-grace", () -> "3s");
            registry.add("livedrop.idempotency.lease", () -> "10s");
        };
    }

    @Bean
    InventoryStub inventoryStub() {
        return InventoryStub.shared();
    }

    @Bean
    PaymentStub paymentStub() {
        return PaymentStub.shared();
    }
}

package io.livedrop.payment.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points payment-service at the order-service stub, with provider guards small enough to exercise in
 * tests (a 1 s time limiter, a circuit that opens after a few timeouts, a bulkhead of 4) and a provider
 * that captures 3 s after a timed-out request (after the recovery job first looked), inside a
 * late-capture window of 6 s.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(PaymentFixtures.class)
public class PeerStubs {

    @Bean
    DynamicPropertyRegistrar peerStubProperties() {
        return registry -> {
            registry.add(
                    "livedrop.payment.order.url",
                    () -> OrderServiceStub.shared().url());
            registry.add("livedrop.payment.order.read-timeout", () -> "1500ms");
            registry.add("livedrop.payment.provider.timeout", () -> "1s");
            registry.add("livedrop.payment.provider.simulated-hang", () -> "10s");
            registry.add("livedrop.payment.provider.simulated-late-capture", () -> "3s");
            registry.add("livedrop.payment.provider.late-capture-window", () -> "6s");
            registry.add("livedrop.payment.provider.minimum-calls", () -> "5");
            registry.add("livedrop.payment.provider.sliding-window-size", () -> "10");
            registry.add("livedrop.payment.provider.max-concurrent-calls", () -> "4");
            registry.add("livedrop.payment.recovery-interval", () -> "500ms");
            registry.add("livedrop.payment.recovery-grace", () -> "1s");
            registry.add("livedrop.idempotency.lease", () -> "10s");
        };
    }

    @Bean
    OrderServiceStub orderServiceStub() {
        return OrderServiceStub.shared();
    }
}

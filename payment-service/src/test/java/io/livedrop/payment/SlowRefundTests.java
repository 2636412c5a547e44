package io.livedrop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.Reply;
import io.livedrop.common.test.TestInfrastructure;
import io.livedrop.common.test.TestPostgres;
import io.livedrop.payment.support.OrderServiceStub;
import io.livedrop.payment.support.PaymentFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Refunds do not hold a database connection while the provider works: with a pool of three
 * connections and a provider that takes two seconds per refund, six concurrent refunds all succeed and
 * the service keeps answering other requests meanwhile (a refund that held its connection across the
 * provider call would leave the others waiting past the pool's one-second timeout: 503s). Its own
 * Spring context and database (small pool, slow simulated refunds).
 */
@IntegrationTest
@Import(SlowRefundTests.SlowProvider.class)
class SlowRefundTests {

    static final int REFUNDS = 6;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add(TestInfrastructure.OWN_DATABASE, () -> TestPostgres.isolatedJdbcUrl("slowrefunds"));
    }

    @TestConfiguration(proxyBeanMethods = false)
    @Import(PaymentFixtures.class)
    static class SlowProvider {

        @Bean
        DynamicPropertyRegistrar slowRefundProperties() {
            return registry -> {
                registry.add(
                        "livedrop.payment.order.url",
                        () -> OrderServiceStub.shared().url());
                registry.add("spring.datasource.hikari.maximum-pool-size", () -> "3");
                registry.add("spring.datasource.hikari.minimum-idle", () -> "3");
                registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
                registry.add("livedrop.payment.provider.simulated-refund-delay", () -> "2s");
                registry.add("livedrop.payment.provider.timeout", () -> "5s");
                registry.add("livedrop.payment.provider.max-concurrent-calls", () -> "20");
            };
        }
    }

    @Autowired
    PaymentFixtures fixtures;

    @Test
    void concurrentSlowRefundsDoNotExhaustTheConnectionPool() throws Exception {
        String buyer = fixtures.newUser();
        List<String> orderIds = new ArrayList<>();
        String paymentId = null;
        for (int i = 0; i < REFUNDS; i++) {
            String orderId = fixtures.payableOrder(buyer, 100);
            Reply paid = fixtures.api().pay(buyer, orderId, "tok_visa");
            assertThat(paid.text("status")).as(paid.toString()).isEqualTo("succeeded");
            orderIds.add(orderId);
            paymentId = paid.text("id");
        }

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> refunds = new ArrayList<>();
        List<Reply> readsMeanwhile = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(REFUNDS)) {
            for (String orderId : orderIds) {
                refunds.add(pool.submit(() -> {
                    start.await();
                    return fixtures.api().refund(orderId);
                }));
            }
            start.countDown();
            Thread.sleep(500); // every refund is now waiting for the provider
            for (int i = 0; i < 3; i++) {
                readsMeanwhile.add(fixtures.api().get("/api/payments/" + paymentId, fixtures.token(buyer)));
            }
            for (Future<Reply> refund : refunds) {
                Reply reply = refund.get();
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                assertThat(reply.text("status")).isEqualTo("refunded");
            }
        }
        assertThat(readsMeanwhile)
                .allSatisfy(
                        read -> assertThat(read.status()).as(read.toString()).isEqualTo(200));
    }
}

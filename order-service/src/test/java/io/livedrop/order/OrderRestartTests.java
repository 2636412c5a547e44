package io.livedrop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.client.ServiceTokenProvider;
import io.livedrop.common.events.DropScheduled;
import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.EventEnvelope;
import io.livedrop.common.events.PaymentSucceeded;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.test.Reply;
import io.livedrop.common.test.TestJwtIssuer;
import io.livedrop.common.test.TestKafka;
import io.livedrop.common.test.TestPostgres;
import io.livedrop.order.purchase.domain.HoldState;
import io.livedrop.order.purchase.domain.Order;
import io.livedrop.order.purchase.domain.OrderStatus;
import io.livedrop.order.purchase.domain.PaymentState;
import io.livedrop.order.purchase.persistence.OrderRepository;
import io.livedrop.order.support.InventoryStub;
import io.livedrop.order.support.OrderFixtures;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * order-service stopped in the middle of sagas and started again on the same database: every order
 * still ends {@code confirmed} or {@code expired} as it should. Boots its own instances (own
 * database, own consumer group) instead of the module's shared test context.
 */
class OrderRestartTests {

    private static final String DATABASE = TestPostgres.isolatedJdbcUrl("restart");
    private static final JdbcClient DATABASE_CLIENT =
            JdbcClient.create(new DriverManagerDataSource(DATABASE, TestPostgres.username(), TestPostgres.password()));
    private static final KafkaTemplate<String, String> KAFKA = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer()));
    private static final EventCodec CODEC =
            new EventCodec(tools.jackson.databind.json.JsonMapper.builder().build());

    private final String consumerGroup = "order-restart-" + UUID.randomUUID();
    private final InventoryStub inventory = InventoryStub.shared();
    private ConfigurableApplicationContext running;

    @AfterEach
    void stop() {
        inventory.reset();
        if (running != null) {
            running.close();
        }
    }

    @Test
    void ordersInterruptedByARestartEndConfirmedOrExpired() {
        running = startOrderService();
        String dropId = Ids.newId().toString();
        inventory.addLiveDrop(dropId, 10, 10);
        publish(
                DropScheduled.TOPIC,
                dropId,
                new DropScheduled(
                        dropId,
                        "p",
                        "c",
                        Instant.now().minusSeconds(60),
                        Instant.now().plusSeconds(3600),
                        10,
                        null,
                        10,
                        500,
                        "EUR",
                        "restart",
                        false));
        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> jdbc().sql("select count(*) from drop_info where drop_id = :d")
                                .param("d", dropId)
                                .query(Long.class)
                                .single()
                        == 1);
        String buyer = Ids.newId().toString();
        String paidWhileDown = place(buyer, dropId);
        String expiresWhileDown = place(buyer, dropId);
        String confirmInterrupted = place(buyer, dropId);
        inventory.failConfirmsOf(confirmInterrupted, true);
        publish(PaymentSucceeded.TOPIC, confirmInterrupted, payment(confirmInterrupted, buyer));
        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> order(confirmInterrupted).workAttempts() >= 1);
        assertThat(order(confirmInterrupted).paymentState()).isEqualTo(PaymentState.CAPTURED);
        assertThat(order(confirmInterrupted).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);

        running.close();
        running = null;

        // while order-service is down: a payment arrives, a deadline passes, inventory recovers
        publish(PaymentSucceeded.TOPIC, paidWhileDown, payment(paidWhileDown, buyer));
        jdbc().sql("update orders set reserved_until = now() - interval '1 second' where id = :id")
                .param("id", UUID.fromString(expiresWhileDown))
                .update();
        inventory.failConfirmsOf(confirmInterrupted, false);

        running = startOrderService();

        await().atMost(OrderFixtures.PATIENCE).untilAsserted(() -> {
            assertThat(order(paidWhileDown).status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(order(confirmInterrupted).status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(order(expiresWhileDown).status()).isEqualTo(OrderStatus.EXPIRED);
            assertThat(order(expiresWhileDown).holdState()).isEqualTo(HoldState.RELEASED);
        });
        assertThat(inventory.reservation(paidWhileDown).orElseThrow().status()).isEqualTo("confirmed");
        assertThat(inventory.reservation(confirmInterrupted).orElseThrow().status())
                .isEqualTo("confirmed");
        assertThat(inventory.reservation(expiresWhileDown).orElseThrow().status())
                .isEqualTo("released");
        assertThat(inventory.drop(dropId).available()).isEqualTo(8);
        assertThat(eventsOf(paidWhileDown)).containsExactly("order.created", "order.confirmed");
        assertThat(eventsOf(confirmInterrupted)).containsExactly("order.created", "order.confirmed");
        assertThat(eventsOf(expiresWhileDown)).containsExactly("order.created", "order.expired");
    }

    private ConfigurableApplicationContext startOrderService() {
        Map<String, String> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", DATABASE);
        properties.put("spring.datasource.username", TestPostgres.username());
        properties.put("spring.datasource.password", TestPostgres.password());
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        // its own consumer groups: the module's shared test context consumes the same topics
        properties.put("livedrop.order.consumer-group-prefix", consumerGroup + "-");
        properties.put("livedrop.kafka.partitions", "3");
        properties.put("livedrop.security.jwks-uri", TestJwtIssuer.shared().jwksUri());
        properties.put("livedrop.security.issuer", TestJwtIssuer.ISSUER);
        properties.put("livedrop.order.inventory.url", inventory.url());
        properties.put("livedrop.order.inventory.read-timeout", "1500ms");
        properties.put(
                "livedrop.order.payment.url",
                io.livedrop.order.support.PaymentStub.shared().url());
        properties.put("livedrop.order.expiry-interval", "300ms");
        properties.put("livedrop.order.recovery-interval", "500ms");
        properties.put("livedrop.order.retry-initial", "200ms");
        properties.put("livedrop.order.retry-max", "1s");
        properties.put("livedrop.order.step-grace", "3s");
        // command-line arguments outrank application.yml (whose defaults point at a developer's database)
        String[] arguments = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        OrderServiceApplication.class, ServiceCredentials.class)
                .initializers(initializing -> initializing
                        .getBeanFactory()
                        .registerSingleton("testClassesExcludeFilter", new TestClassesExcludeFilter()))
                .run(arguments);
        assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
                .isEqualTo(DATABASE);
        return context;
    }

    private String place(String buyer, String dropId) {
        int port = running.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        Reply reply = new OrderApi(port, TestJwtIssuer.shared())
                .placeOrder(buyer, UUID.randomUUID().toString(), dropId, 1);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.text("id");
    }

    private Order order(String id) {
        return running.getBean(OrderRepository.class).find(UUID.fromString(id)).orElseThrow();
    }

    private List<String> eventsOf(String orderId) {
        return jdbc().sql("select topic from outbox_event where event_key = :key order by id")
                .param("key", orderId)
                .query(String.class)
                .list();
    }

    private JdbcClient jdbc() {
        return DATABASE_CLIENT;
    }

    private static PaymentSucceeded payment(String orderId, String buyer) {
        return new PaymentSucceeded("pay-" + orderId, orderId, buyer, 500, "EUR", null);
    }

    private static void publish(String topic, String key, Object data) {
        var envelope =
                EventEnvelope.of(Ids.newId(), "test", topic, Instant.now().truncatedTo(ChronoUnit.MICROS), key, data);
        KAFKA.send(topic, key, CODEC.write(envelope)).join();
    }

    /** The service credential the test token issuer signs, instead of asking auth-service. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ServiceCredentials {

        @Bean
        ServiceTokenProvider serviceTokenProvider() {
            return () -> TestJwtIssuer.shared().serviceToken("order-service");
        }
    }

    /** Keeps the test sources' own components (stubs, fixtures) out of a hand-started application. */
    static class TestClassesExcludeFilter extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getAnnotationMetadata().isAnnotated(TestComponent.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }
}

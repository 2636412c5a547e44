package io.livedrop.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.outbox.OutboxTestSupport.Effect;
import io.livedrop.common.sample.SampleApplication;
import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.KafkaProcess;
import io.livedrop.common.test.TestInfrastructure;
import io.livedrop.common.test.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kafka goes away while a service keeps changing state: the changes commit, their events wait in the
 * outbox, and once the broker is back every event is delivered and processed exactly once, in order.
 */
@IntegrationTest(
        classes = SampleApplication.class,
        properties = {
            "spring.kafka.producer.properties.delivery.timeout.ms=3000",
            "spring.kafka.producer.properties.request.timeout.ms=1000",
            "spring.kafka.producer.properties.max.block.ms=2000",
            "spring.kafka.producer.properties.linger.ms=0",
            "livedrop.outbox.send-timeout=4s",
            "livedrop.outbox.max-backoff=1s"
        })
class OutboxKafkaOutageTests {

    static final KafkaProcess kafka = startKafka();

    @DynamicPropertySource
    static void ownBrokerAndDatabase(DynamicPropertyRegistry registry) {
        registry.add(TestInfrastructure.OWN_KAFKA, kafka::bootstrapServers);
        // an own database: no relay of another test context may publish this test's rows
        registry.add(TestInfrastructure.OWN_DATABASE, () -> TestPostgres.isolatedJdbcUrl("outage"));
    }

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArriveOnceInOrderAfterItRestarts() throws Exception {
        assertThat(bootstrapServers).isEqualTo(kafka.bootstrapServers());
        var support = new OutboxTestSupport(outbox, transactions, jdbc);
        String key = UUID.randomUUID().toString();
        support.publish(key, 1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> support.effectsOf(key).size() == 1);

        kafka.stop();
        for (int sequence = 2; sequence <= 6; sequence++) {
            support.publish(key, sequence);
        }
        Thread.sleep(6_000); // longer than the producer's delivery timeout: sends failed and were retried
        assertThat(support.unsentEventsOf(key)).isEqualTo(5);

        kafka.restart();
        await().atMost(Duration.ofSeconds(90))
                .until(() -> support.effectsOf(key).size() >= 6);
        Thread.sleep(2_000); // a duplicate delivery, if any, would be processed by now

        assertThat(support.effectsOf(key)).extracting(Effect::sequence).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(support.unsentEventsOf(key)).isZero();
    }

    private static KafkaProcess startKafka() {
        try {
            Path workDir = Files.createDirectories(Path.of("target", "kafka-outage-" + UUID.randomUUID()));
            return KafkaProcess.start(workDir.toAbsolutePath());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

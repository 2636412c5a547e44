package io.livedrop.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.outbox.OutboxTestSupport.Effect;
import io.livedrop.common.sample.SampleApplication;
import io.livedrop.common.sample.SampleHappened;
import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest(classes = SampleApplication.class)
class OutboxTests {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    OutboxProperties properties;

    @Autowired
    JsonMapper json;

    OutboxTestSupport support() {
        return new OutboxTestSupport(outbox, transactions, jdbc);
    }

    @Test
    void committedEventIsPublishedAsStructuredCloudEvent() {
        String key = UUID.randomUUID().toString();
        UUID eventId = support().publish(key, 1);

        ConsumerRecord<String, String> record = readRecordWithKey(key);
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("id").asString()).isEqualTo(eventId.toString());
        assertThat(event.get("type").asString()).isEqualTo(SampleHappened.TOPIC);
        assertThat(event.get("source").asString()).isEqualTo("sample-service");
        assertThat(event.get("subject").asString()).isEqualTo(key);
        assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(event.get("time").asString()).endsWith("Z");
        assertThat(event.get("data").get("sequence").asInt()).isEqualTo(1);
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .startsWith("application/cloudevents+json");
    }

    @Test
    void rolledBackChangeIsNeverPublished() {
        String key = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> {
            outbox.publish(SampleHappened.TOPIC, key, new SampleHappened(key, 1));
            status.setRollbackOnly();
        });
        support().publish(key, 2);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !support().effectsOf(key).isEmpty());
        assertThat(support().effectsOf(key)).extracting(Effect::sequence).containsExactly(2);
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.publish(SampleHappened.TOPIC, "k", new SampleHappened("k", 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void relaysRacingOnOneDatabaseKeepPerKeyOrderAndProcessEachEventOnce() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            keys.add(UUID.randomUUID().toString());
        }
        int eventsPerKey = 40;
        AtomicBoolean writing = new AtomicBoolean(true);
        List<OutboxRelay> extraInstances = List.of(
                new OutboxRelay(jdbc, transactions, kafka, properties),
                new OutboxRelay(jdbc, transactions, kafka, properties));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            extraInstances.forEach(relay -> threads.submit(() -> {
                while (writing.get()) {
                    relay.relayOnce();
                }
            }));
            List<java.util.concurrent.Future<?>> writers = new ArrayList<>();
            for (String key : keys) {
                writers.add(threads.submit(() -> {
                    for (int sequence = 1; sequence <= eventsPerKey; sequence++) {
                        support().publish(key, sequence);
                    }
                }));
            }
            for (var writer : writers) {
                writer.get();
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> keys.stream()
                            .allMatch(key -> support().effectsOf(key).size() >= eventsPerKey));
            writing.set(false);
        }

        for (String key : keys) {
            List<Effect> effects = support().effectsOf(key);
            assertThat(effects).extracting(Effect::sequence).isSorted().hasSize(eventsPerKey);
            assertThat(effects).extracting(Effect::eventId).doesNotHaveDuplicates();
        }
    }

    private ConsumerRecord<String, String> readRecordWithKey(String key) {
        Map<String, Object> config = Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(),
                "group.id", "outbox-test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            consumer.subscribe(List.of(SampleHappened.TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record with key " + key);
    }
}

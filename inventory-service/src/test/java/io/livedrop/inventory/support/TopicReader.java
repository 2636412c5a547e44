package io.livedrop.inventory.support;

import io.livedrop.common.test.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what the outbox relay published, like a consumer service would: a fresh group from the start. */
public final class TopicReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TopicReader() {}

    /**
     * The CloudEvents of one key on a topic, read until {@code done} accepts them (or 30 s passed).
     */
    public static List<JsonNode> eventsOf(String topic, String key, Predicate<List<JsonNode>> done) {
        Map<String, Object> config = Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(),
                "group.id", "inventory-test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        List<JsonNode> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && !done.test(events)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        events.add(JSON.readTree(record.value()));
                    }
                }
            }
        }
        return events;
    }
}

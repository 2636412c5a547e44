package io.livedrop.catalog.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Reads a topic from the beginning with its own consumer group, as another service would. */
public final class TopicReader {

    private TopicReader() {}

    /** Every record of {@code topic} with {@code key} seen within {@code patience} after the first one. */
    public static List<ConsumerRecord<String, String>> recordsWithKey(
            String bootstrapServers, String topic, String key, Duration timeout, Duration patience) {
        return read(bootstrapServers, topic, record -> key.equals(record.key()), timeout, patience);
    }

    private static List<ConsumerRecord<String, String>> read(
            String bootstrapServers,
            String topic,
            Predicate<ConsumerRecord<String, String>> wanted,
            Duration timeout,
            Duration patience) {
        Map<String, Object> config = Map.of(
                "bootstrap.servers", bootstrapServers,
                "group.id", "catalog-test-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(record)) {
                        if (found.isEmpty()) {
                            deadline = Math.min(deadline, System.nanoTime() + patience.toNanos());
                        }
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }
}

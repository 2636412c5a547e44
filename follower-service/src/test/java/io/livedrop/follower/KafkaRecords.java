package io.livedrop.follower;

import io.livedrop.common.test.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Reads what actually reached the test broker. */
public final class KafkaRecords {

    private KafkaRecords() {}

    /** Polls the topics from the beginning until {@code count} records with {@code key} arrived (or 30 s). */
    public static List<ConsumerRecord<String, String>> awaitRecords(List<String> topics, String key, int count) {
        return awaitRecords(topics, record -> key.equals(record.key()), count);
    }

    public static List<ConsumerRecord<String, String>> awaitRecords(
            List<String> topics, Predicate<ConsumerRecord<String, String>> wanted, int count) {
        Map<String, Object> config = Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(),
                "group.id", "follower-test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }
}

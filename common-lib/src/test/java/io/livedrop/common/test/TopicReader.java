package io.livedrop.common.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reads what actually reached a broker, as another service would: a fresh consumer group that
 * starts at the beginning of the topics.
 */
public final class TopicReader {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private TopicReader() {}

    /** Polls the test broker's topics until {@code count} records with {@code key} arrived (or 30 s). */
    public static List<ConsumerRecord<String, String>> awaitRecords(List<String> topics, String key, int count) {
        return awaitRecords(topics, record -> key.equals(record.key()), count);
    }

    /** Polls the test broker's topics until {@code count} wanted records arrived (or 30 s). */
    public static List<ConsumerRecord<String, String>> awaitRecords(
            List<String> topics, Predicate<ConsumerRecord<String, String>> wanted, int count) {
        return read(
                TestKafka.bootstrapServers(), topics, wanted, found -> found.size() >= count, DEFAULT_TIMEOUT, null);
    }

    /**
     * Every record of {@code topic} with {@code key} seen within {@code patience} after the first one
     * (or until {@code timeout}): for asserting that something was published exactly once.
     */
    public static List<ConsumerRecord<String, String>> recordsWithKey(
            String bootstrapServers, String topic, String key, Duration timeout, Duration patience) {
        return read(
                bootstrapServers,
                List.of(topic),
                record -> key.equals(record.key()),
                found -> false,
                timeout,
                patience);
    }

    private static List<ConsumerRecord<String, String>> read(
            String bootstrapServers,
            List<String> topics,
            Predicate<ConsumerRecord<String, String>> wanted,
            Predicate<List<ConsumerRecord<String, String>>> enough,
            Duration timeout,
            Duration patienceAfterFirst) {
        Map<String, Object> config = Map.of(
                "bootstrap.servers", bootstrapServers,
                "group.id", "test-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!enough.test(found) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(record)) {
                        if (found.isEmpty() && patienceAfterFirst != null) {
                            deadline = Math.min(deadline, System.nanoTime() + patienceAfterFirst.toNanos());
                        }
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }
}

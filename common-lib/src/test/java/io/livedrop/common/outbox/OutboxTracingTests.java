package io.livedrop.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.sample.SampleApplication;
import io.livedrop.common.sample.SampleHappened;
import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.TestKafka;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.transaction.support.TransactionTemplate;

/** The trace of the request that wrote an event travels with the Kafka record. */
@IntegrationTest(classes = SampleApplication.class)
@AutoConfigureTracing
class OutboxTracingTests {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Tracer tracer;

    @Test
    void recordCarriesTheTraceParentOfTheWritingRequest() {
        String key = UUID.randomUUID().toString();
        Span span = tracer.nextSpan().name("place order").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            transactions.executeWithoutResult(
                    status -> outbox.publish(SampleHappened.TOPIC, key, new SampleHappened(key, 1)));
        } finally {
            span.end();
        }

        Header traceParent = readRecordWithKey(key).headers().lastHeader("traceparent");
        assertThat(traceParent).isNotNull();
        assertThat(new String(traceParent.value(), StandardCharsets.UTF_8))
                .contains(span.context().traceId());
    }

    private ConsumerRecord<String, String> readRecordWithKey(String key) {
        Map<String, Object> config = Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(),
                "group.id", "outbox-tracing-test-" + UUID.randomUUID(),
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

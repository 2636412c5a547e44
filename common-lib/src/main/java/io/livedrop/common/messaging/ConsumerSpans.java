package io.livedrop.common.messaging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Consumer spans for batch listeners, which Spring Kafka's listener observation does not cover: one
 * span per record, a child of the trace the record carries (the outbox stores the producing
 * request's {@code traceparent}), open while the batch is processed. Without tracing it does nothing.
 */
public class ConsumerSpans {

    /** Spans opened for a batch; {@link #close()} ends them. */
    public interface Batch extends AutoCloseable {
        @Override
        void close();
    }

    private static final Batch NOTHING = () -> {};
    private static final Propagator.Getter<Headers> HEADERS = (headers, key) -> {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    };

    private final Tracer tracer;
    private final Propagator propagator;

    public ConsumerSpans(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** A no-op instance for services without tracing. */
    public static ConsumerSpans none() {
        return new ConsumerSpans(null, null);
    }

    public Batch open(String consumer, List<? extends ConsumerRecord<?, ?>> records) {
        if (tracer == null || records.isEmpty()) {
            return NOTHING;
        }
        List<Span> spans = new ArrayList<>(records.size());
        for (ConsumerRecord<?, ?> record : records) {
            spans.add(propagator
                    .extract(record.headers(), HEADERS)
                    .name(consumer + " receive")
                    .kind(Span.Kind.CONSUMER)
                    .tag("messaging.system", "kafka")
                    .tag("messaging.destination.name", record.topic())
                    .tag("messaging.consumer.group.name", consumer)
                    .start());
        }
        return () -> spans.forEach(Span::end);
    }
}

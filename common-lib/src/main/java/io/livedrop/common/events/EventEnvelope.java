package io.livedrop.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode, the value of every Kafka record we publish.
 * {@code id} (UUIDv7) is the consumers' dedupe key; {@code type} is the topic name; {@code subject}
 * is the aggregate id that is also the record key.
 */
public record EventEnvelope<T>(
        String specversion,
        UUID id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    /** The Kafka header that marks a structured-mode CloudEvent. */
    public static final String KAFKA_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public static <T> EventEnvelope<T> of(UUID id, String source, String type, Instant time, String subject, T data) {
        return new EventEnvelope<>(SPEC_VERSION, id, source, type, time, subject, CONTENT_TYPE, data);
    }
}

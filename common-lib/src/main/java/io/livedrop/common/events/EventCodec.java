package io.livedrop.common.events;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/** Serialises envelopes to the JSON of a Kafka record value and reads them back with a typed payload. */
public class EventCodec {

    private final JsonMapper jsonMapper;

    public EventCodec(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public String write(EventEnvelope<?> envelope) {
        return jsonMapper.writeValueAsString(envelope);
    }

    /** Reads an envelope; a malformed record throws, which sends it to the dead-letter topic. */
    public <T> EventEnvelope<T> read(String json, Class<T> dataType) {
        JavaType type = jsonMapper.getTypeFactory().constructParametricType(EventEnvelope.class, dataType);
        EventEnvelope<T> envelope = jsonMapper.readValue(json, type);
        if (envelope.id() == null || envelope.data() == null) {
            throw new IllegalArgumentException("event without id or data");
        }
        return envelope;
    }
}

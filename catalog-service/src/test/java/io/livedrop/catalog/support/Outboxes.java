package io.livedrop.catalog.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What the service wrote to its outbox: the events it committed, in commit order per key. */
public final class Outboxes {

    private final JdbcClient jdbc;

    public Outboxes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The envelopes of {@code topic} for one key, oldest first. */
    public List<JsonNode> events(String topic, String key) {
        return jdbc
                .sql("select payload from outbox_event where topic = :topic and event_key = :key order by id")
                .param("topic", topic)
                .param("key", key)
                .query(String.class)
                .list()
                .stream()
                .map(payload -> CatalogApi.json().readTree(payload))
                .toList();
    }

    /** The topics of every event for one key, in outbox order. */
    public List<String> topics(String key) {
        return jdbc.sql("select topic from outbox_event where event_key = :key order by id")
                .param("key", key)
                .query(String.class)
                .list();
    }
}

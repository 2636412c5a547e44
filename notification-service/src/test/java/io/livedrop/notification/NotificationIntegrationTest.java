package io.livedrop.notification;

import static org.awaitility.Awaitility.await;

import io.livedrop.common.events.EventCodec;
import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.TestJwtIssuer;
import io.livedrop.notification.delivery.application.ConnectionRegistry;
import io.livedrop.notification.support.Events;
import io.livedrop.notification.support.SseClient;
import io.livedrop.notification.support.WsClient;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The service on a random port against real PostgreSQL and Kafka, with real WebSocket and SSE
 * clients and its HTTP API ({@link NotificationApi}). Every integration test class extends this, so
 * they all share one Spring context (and one database: tests use fresh ids and never assume empty
 * tables).
 */
@IntegrationTest
public abstract class NotificationIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    protected final TestJwtIssuer tokens = TestJwtIssuer.shared();

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ConnectionRegistry registry;

    @Autowired
    private KafkaTemplate<String, String> kafka;

    @Autowired
    private EventCodec codec;

    protected Events events;

    /** The service's HTTP endpoints, signed in as whichever user a call names. */
    protected NotificationApi api;

    @BeforeEach
    void createEventPublisherAndApi() {
        events = new Events(kafka, codec);
        api = new NotificationApi(httpUrl(), tokens);
    }

    protected String wsUrl() {
        return "ws://localhost:" + port;
    }

    protected String httpUrl() {
        return "http://localhost:" + port;
    }

    /** A WebSocket of this user, registered on the server (so later events reach it). */
    protected WsClient webSocket(String userId) {
        return webSocket(userId, null);
    }

    protected WsClient webSocket(String userId, String lastEventId) {
        int before = registry.connectionsOf(userId);
        WsClient client = WsClient.connect(wsUrl(), tokens.realtimeToken(userId), lastEventId);
        awaitConnections(userId, before + 1);
        return client;
    }

    protected SseClient sse(String userId, String lastEventId) {
        int before = registry.connectionsOf(userId);
        SseClient client = SseClient.connect(httpUrl(), tokens.realtimeToken(userId), lastEventId);
        awaitConnections(userId, before + 1);
        return client;
    }

    protected void awaitConnections(String userId, int count) {
        await().atMost(PATIENCE).until(() -> registry.connectionsOf(userId) == count);
    }

    /** Publishes follow.created and waits until the edge is replicated. */
    protected void follow(String userId, String creatorId) {
        events.follow(userId, creatorId);
        await().atMost(PATIENCE).until(() -> isFollowing(userId, creatorId));
    }

    protected void unfollow(String userId, String creatorId) {
        events.unfollow(userId, creatorId);
        await().atMost(PATIENCE).until(() -> !isFollowing(userId, creatorId));
    }

    protected boolean isFollowing(String userId, String creatorId) {
        return jdbc.sql("select following from follow_edge where user_id = :u and creator_id = :c")
                .param("u", userId)
                .param("c", creatorId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Waits until the event is stored and returns its notification id. */
    protected String awaitStored(UUID eventId) {
        return await().atMost(PATIENCE)
                .until(() -> storedId(eventId), Optional::isPresent)
                .orElseThrow();
    }

    protected Optional<String> storedId(UUID eventId) {
        return jdbc.sql("""
                        select id::text from inbox_notification where event_id = :e
                        union all
                        select id::text from creator_broadcast where event_id = :e
                        """).param("e", eventId).query(String.class).optional();
    }

    protected static String id() {
        return Events.id();
    }
}

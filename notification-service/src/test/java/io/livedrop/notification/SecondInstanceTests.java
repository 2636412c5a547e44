package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.events.QueueUpdated;
import io.livedrop.notification.support.Events;
import io.livedrop.notification.support.SseClient;
import io.livedrop.notification.support.WsClient;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two instances side by side on the same database and Kafka, each with its own consumer group:
 * both deliver the same notification (same id) to the sockets they hold, it is stored once, and an
 * instance that shuts down tells its clients to reconnect (close 1012, SSE reconnect event).
 */
class SecondInstanceTests extends NotificationIntegrationTest {

    @Autowired
    private Environment environment;

    @Test
    void bothInstancesDeliverTheNotificationStoredOnce() throws Exception {
        String creator = id();
        String here = id();
        String there = id();
        follow(here, creator);
        follow(there, creator);
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            String secondWs = "ws://localhost:" + portOf(second);
            String secondHttp = "http://localhost:" + portOf(second);
            try (WsClient local = webSocket(here);
                    WsClient remote = WsClient.connect(secondWs, tokens.realtimeToken(there));
                    SseClient remoteStream = SseClient.connect(secondHttp, tokens.realtimeToken(here), null)) {
                var secondRegistry =
                        second.getBean(io.livedrop.notification.delivery.application.ConnectionRegistry.class);
                org.awaitility.Awaitility.await()
                        .atMost(PATIENCE)
                        .until(() -> secondRegistry.subscribers(creator) == 2);

                UUID eventId = events.dropStarted(Events.drop(creator));
                String stored = awaitStored(eventId);

                assertThat(local.next(PATIENCE).path("id").asString()).isEqualTo(stored);
                assertThat(remote.next(PATIENCE).path("id").asString()).isEqualTo(stored);
                assertThat(remoteStream.next(PATIENCE).id()).isEqualTo(stored);
                assertThat(jdbc.sql("select count(*) from creator_broadcast where event_id = :e")
                                .param("e", eventId)
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);

                second.close();

                assertThat(remote.closeCode().get(30, TimeUnit.SECONDS)).isEqualTo(1012);
                assertThat(remoteStream.next(PATIENCE).name()).isEqualTo("reconnect");
                assertThat(local.closeCode()).isNotDone();
            }
        }
    }

    /**
     * queue.updated is consumed in a group per instance too: one event carrying the tickets of a
     * holder connected here and of one connected there reaches both. (The queue listener starts at
     * the end of the topic, so the event is sent again until the new instance has its partitions.)
     */
    @Test
    void bothInstancesDeliverTheQueueFramesOfTheHoldersTheyHold() throws Exception {
        String here = id();
        String there = id();
        try (ConfigurableApplicationContext second = startSecondInstance();
                WsClient local = webSocket(here);
                WsClient remote = WsClient.connect("ws://localhost:" + portOf(second), tokens.realtimeToken(there))) {
            var secondRegistry = second.getBean(io.livedrop.notification.delivery.application.ConnectionRegistry.class);
            org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> secondRegistry.connectionsOf(there) == 1);
            java.util.Set<String> dropsHere = new java.util.HashSet<>();
            java.util.Set<String> dropsThere = new java.util.HashSet<>();

            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(60))
                    .pollInterval(java.time.Duration.ofSeconds(1))
                    .until(() -> {
                        String dropId = id();
                        events.publish(
                                QueueUpdated.TOPIC,
                                dropId,
                                new QueueUpdated(dropId, List.of(ticket(here, dropId), ticket(there, dropId))));
                        local.drain()
                                .forEach(frame -> dropsHere.add(
                                        frame.path("data").path("dropId").asString()));
                        remote.drain()
                                .forEach(frame -> dropsThere.add(
                                        frame.path("data").path("dropId").asString()));
                        return dropsHere.stream().anyMatch(dropsThere::contains);
                    });
        }
    }

    private static QueueUpdated.TicketUpdate ticket(String userId, String dropId) {
        return new QueueUpdated.TicketUpdate(
                userId, new QueueUpdated.Ticket(id(), dropId, "waiting", 1L, 1L, null, null, null));
    }

    private ConfigurableApplicationContext startSecondInstance() {
        List<String> shared = List.of(
                "spring.datasource.url",
                "spring.datasource.username",
                "spring.datasource.password",
                "spring.kafka.bootstrap-servers",
                "spring.data.redis.host",
                "spring.data.redis.port",
                "livedrop.redis.key-prefix",
                "livedrop.security.jwks-uri",
                "livedrop.security.issuer",
                "livedrop.kafka.partitions");
        List<String> args = new java.util.ArrayList<>(shared.stream()
                .filter(environment::containsProperty)
                .map(key -> "--" + key + "=" + environment.getProperty(key))
                .toList());
        args.add("--server.port=0");
        args.add("--livedrop.notification.instance-id=second");
        args.add("--management.otlp.metrics.export.enabled=false");
        return new SpringApplicationBuilder(NotificationServiceApplication.class).run(args.toArray(String[]::new));
    }

    private static int portOf(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}

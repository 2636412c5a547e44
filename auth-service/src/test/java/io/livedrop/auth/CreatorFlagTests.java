package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.events.CreatorCreated;
import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.EventEnvelope;
import io.livedrop.common.ids.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** GET /api/users/me's {@code creator} follows catalog's creator.created events. */
class CreatorFlagTests extends AuthIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventCodec codec;

    @Test
    void creatorCreatedMakesTheUserACreator() throws Exception {
        var account = api.register();
        assertThat(me(account).path("creator").asBoolean()).isFalse();

        publish(Ids.newId(), account.id());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(me(account).path("creator").asBoolean()).isTrue());
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        var account = api.register();
        UUID eventId = Ids.newId();

        publish(eventId, account.id());
        publish(eventId, account.id());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(me(account).path("creator").asBoolean()).isTrue());
        assertThat(jdbc.sql(
                                "select count(*) from processed_event where consumer = 'auth-creator-created' and event_id = :id")
                        .param("id", eventId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anEventForAnUnknownUserDoesNotBlockTheNextOne() throws Exception {
        var account = api.register();

        publish(Ids.newId(), Ids.newId().toString());
        publish(Ids.newId(), account.id());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(me(account).path("creator").asBoolean()).isTrue());
    }

    private tools.jackson.databind.JsonNode me(AuthApi.Account account) {
        return api.get("/api/users/me", account.accessToken()).body();
    }

    private void publish(UUID eventId, String creatorId) throws Exception {
        var event = EventEnvelope.of(
                eventId,
                "catalog-service",
                CreatorCreated.TOPIC,
                Instant.now(),
                creatorId,
                new CreatorCreated(creatorId, "handle-" + eventId, "Creator"));
        kafka.send(CreatorCreated.TOPIC, creatorId, codec.write(event)).get();
    }
}

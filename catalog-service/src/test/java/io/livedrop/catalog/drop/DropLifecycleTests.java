package io.livedrop.catalog.drop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.browse.application.CatalogCaches;
import io.livedrop.catalog.drop.application.DropChangeSignals;
import io.livedrop.catalog.drop.application.DropLifecycleScheduler;
import io.livedrop.catalog.drop.application.DropLifecycleService;
import io.livedrop.catalog.drop.persistence.DropLifecycleRepository;
import io.livedrop.catalog.support.CatalogApi;
import io.livedrop.catalog.support.CatalogApi.User;
import io.livedrop.catalog.support.DropRows;
import io.livedrop.catalog.support.Outboxes;
import io.livedrop.common.events.DropEnded;
import io.livedrop.common.events.DropStarted;
import io.livedrop.common.outbox.Outbox;
import io.livedrop.common.test.TopicReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** drop.started and drop.ended fire once per drop: with racing instances, and late after an outage. */
class DropLifecycleTests extends CatalogIntegrationTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Outbox outbox;

    @Autowired
    CatalogCaches caches;

    @Autowired
    DropChangeSignals signals;

    @Autowired
    Clock clock;

    @Autowired
    DropLifecycleScheduler scheduler;

    Outboxes outboxes;

    @BeforeEach
    void setUp() {
        outboxes = new Outboxes(jdbc);
    }

    @Test
    void dropStartedIsPublishedToKafkaWithTheDropSummaryAndTheDropTurnsLive() {
        User creator = api.newCreator();
        Instant startsAt = Instant.now().plusSeconds(2);
        JsonNode drop = api.newDrop(creator, startsAt, startsAt.plusSeconds(3600), 7);
        String dropId = drop.path("id").asString();
        assertThat(api.get("/api/drops/" + dropId, null).text("status")).isEqualTo("upcoming");

        List<ConsumerRecord<String, String>> records = TopicReader.recordsWithKey(
                bootstrapServers, DropStarted.TOPIC, dropId, Duration.ofSeconds(30), Duration.ofSeconds(2));

        assertThat(records).hasSize(1);
        JsonNode event = CatalogApi.json().readTree(records.getFirst().value());
        assertThat(event.path("type").asString()).isEqualTo(DropStarted.TOPIC);
        assertThat(event.path("source").asString()).isEqualTo("catalog-service");
        JsonNode data = event.path("data");
        assertThat(data.path("dropId").asString()).isEqualTo(dropId);
        assertThat(data.path("productId").asString())
                .isEqualTo(drop.path("productId").asString());
        assertThat(data.path("creatorId").asString()).isEqualTo(creator.id());
        assertThat(data.path("title").asString())
                .isEqualTo(drop.path("product").path("title").asString());
        assertThat(data.path("startsAt").asString())
                .isEqualTo(drop.path("startsAt").asString());
        assertThat(data.path("endsAt").asString()).isEqualTo(drop.path("endsAt").asString());
        assertThat(data.path("available").asInt()).isEqualTo(7);
        // the cached "upcoming" body expired at startsAt
        assertThat(api.get("/api/drops/" + dropId, null).text("status")).isEqualTo("live");
    }

    @RepeatedTest(3)
    void instancesRacingOnOneDatabaseFireEachDropOnce() throws Exception {
        User creator = api.newCreator();
        String productId = api.createProduct(creator, "Raced").path("id").asString();
        DropRows rows = new DropRows(jdbc);
        Instant startsAt = Instant.now().plusMillis(1500);
        List<String> dropIds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // several share the exact start, so instances meet on the same rows
            dropIds.add(rows.insert(creator.id(), productId, startsAt.plusMillis(i % 3), startsAt.plusSeconds(2)));
        }
        AtomicBoolean racing = new AtomicBoolean(true);
        try (ExecutorService instances = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int instance = 0; instance < 3; instance++) {
                // each is a whole other instance's lifecycle: own object, same database
                var other = new DropLifecycleService(
                        new DropLifecycleRepository(jdbc), transactions, outbox, caches, signals, clock, 4);
                instances.submit(() -> {
                    while (racing.get()) {
                        other.fireDue();
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            dropIds.stream().allMatch(id -> outboxes.topics(id).contains(DropEnded.TOPIC)));
            racing.set(false);
        }

        for (String dropId : dropIds) {
            assertThat(outboxes.topics(dropId)).containsExactly(DropStarted.TOPIC, DropEnded.TOPIC);
        }
    }

    @Test
    void aMomentMissedWhileNoSchedulerRanFiresLateButOnce() throws Exception {
        User creator = api.newCreator();
        scheduler.stop();
        String dropId;
        try {
            Instant startsAt = Instant.now().plusSeconds(1);
            dropId = api.newDrop(creator, startsAt, startsAt.plusSeconds(1), 3)
                    .path("id")
                    .asString();
            Thread.sleep(
                    Duration.between(Instant.now(), startsAt.plusSeconds(2)).toMillis());
            assertThat(outboxes.topics(dropId))
                    .as("nothing fired while no scheduler ran")
                    .doesNotContain(DropStarted.TOPIC);
            assertThat(api.get("/api/drops/" + dropId, null).text("status")).isEqualTo("ended");
        } finally {
            scheduler.start();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> outboxes.topics(dropId).contains(DropEnded.TOPIC));
        Thread.sleep(1000); // a few more scheduler passes
        assertThat(outboxes.topics(dropId)).containsExactly("drop.scheduled", DropStarted.TOPIC, DropEnded.TOPIC);
    }

    @Test
    void aDropIsNotStartedBeforeItsTime() throws Exception {
        User creator = api.newCreator();
        String dropId = api.newDrop(
                        creator, Instant.now().plusSeconds(3600), Instant.now().plusSeconds(7200), 3)
                .path("id")
                .asString();

        Thread.sleep(1000);

        assertThat(outboxes.topics(dropId)).containsExactly("drop.scheduled");
    }

    @Test
    void nothingIsDueWhenEveryDropHasFired() {
        DropLifecycleService lifecycle = new DropLifecycleService(
                new DropLifecycleRepository(jdbc), transactions, outbox, caches, signals, clock, 4);

        Instant due = transactions.execute(tx -> {
            jdbc.sql("update drops set started_fired_at = coalesce(started_fired_at, now()),"
                            + " ended_fired_at = coalesce(ended_fired_at, now())")
                    .update();
            Instant next = lifecycle.nextDue();
            tx.setRollbackOnly();
            return next;
        });

        assertThat(due).isNull();
    }
}

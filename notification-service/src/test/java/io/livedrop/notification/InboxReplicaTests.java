package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.test.TestPostgres;
import io.livedrop.common.test.TestReplica;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The inbox with a real hot standby whose replay is paused: the list comes from the (lagging) replica,
 * until the user changes their read state; then the primary answers, so read-all shows at once.
 */
@DirtiesContext
class InboxReplicaTests extends NotificationIntegrationTest {

    static TestReplica replica;

    @DynamicPropertySource
    static void readReplica(DynamicPropertyRegistry registry) {
        registry.add("livedrop.datasource.read.url", () -> replica().jdbcUrl(TestPostgres.jdbcUrl()));
        registry.add("livedrop.datasource.read.check-interval", () -> "200ms");
        // far above the few seconds replay stays paused here: the paused replica keeps answering
        registry.add("livedrop.datasource.read.max-lag", () -> "60s");
    }

    static synchronized TestReplica replica() {
        if (replica == null) {
            replica = TestReplica.start();
        }
        return replica;
    }

    @AfterAll
    static void stopReplica() {
        if (replica != null) {
            replica.close();
        }
    }

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void replicaInUse() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> meters.get("livedrop.db.replica.usable").gauge().value() == 1);
    }

    @Test
    void theListComesFromTheReplicaUntilTheUserChangesTheirReadState() {
        String user = id();
        String first = awaitStored(events.orderConfirmed(user, id(), id()));
        replica.awaitCaughtUp(Duration.ofSeconds(10));

        replica.pauseReplay();
        try {
            String second = awaitStored(events.orderConfirmed(user, id(), id()));

            JsonNode fromReplica = api.list(user, "");
            assertThat(NotificationApi.ids(fromReplica))
                    .as("the replica has not replayed the second")
                    .containsExactly(first);
            assertThat(fromReplica.path("unreadCount").asLong()).isEqualTo(1);

            assertThat(api.post(user, "/api/notifications/read-all").statusCode())
                    .isEqualTo(204);

            JsonNode afterWrite = api.list(user, "");
            assertThat(NotificationApi.ids(afterWrite))
                    .as("read-your-writes: the primary")
                    .containsExactly(second, first);
            assertThat(afterWrite.path("items"))
                    .allSatisfy(
                            item -> assertThat(item.path("read").asBoolean()).isTrue());
            assertThat(afterWrite.path("unreadCount").asLong()).isZero();
        } finally {
            replica.resumeReplay();
        }
    }
}

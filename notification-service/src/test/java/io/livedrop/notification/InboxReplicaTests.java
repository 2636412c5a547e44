package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.test.TestReplica;
import io.livedrop.common.test.WithTestReplica;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The inbox with a real hot standby whose replay is paused: the list comes from the (lagging) replica,
 * until the user changes their read state; then the primary answers, so read-all shows at once.
 */
@WithTestReplica
class InboxReplicaTests extends NotificationIntegrationTest {

    @Test
    void theListComesFromTheReplicaUntilTheUserChangesTheirReadState(TestReplica replica) {
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

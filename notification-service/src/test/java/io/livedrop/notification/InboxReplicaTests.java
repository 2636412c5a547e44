package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.test.TestPostgres;
import io.livedrop.common.test.TestReplica;
import io.livedrop.notification.support.NotificationTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox with a real hot standby whose replay is paused: the list comes from the (lagging) replica,
 * until the user changes their read state; then the primary answers, so read-all shows at once.
 */
@DirtiesContext
class InboxReplicaTests extends NotificationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    private final HttpClient http = HttpClient.newHttpClient();

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

            JsonNode fromReplica = list(user);
            assertThat(ids(fromReplica))
                    .as("the replica has not replayed the second")
                    .containsExactly(first);
            assertThat(fromReplica.path("unreadCount").asLong()).isEqualTo(1);

            assertThat(post(user, "/api/notifications/read-all").statusCode()).isEqualTo(204);

            JsonNode afterWrite = list(user);
            assertThat(ids(afterWrite)).as("read-your-writes: the primary").containsExactly(second, first);
            assertThat(afterWrite.path("items"))
                    .allSatisfy(
                            item -> assertThat(item.path("read").asBoolean()).isTrue());
            assertThat(afterWrite.path("unreadCount").asLong()).isZero();
        } finally {
            replica.resumeReplay();
        }
    }

    private JsonNode list(String userId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/notifications"))
                .header("Authorization", "Bearer " + tokens.userToken(userId))
                .GET()
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String userId, String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + tokens.userToken(userId))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private URI uri(String path) {
        return URI.create(httpUrl() + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

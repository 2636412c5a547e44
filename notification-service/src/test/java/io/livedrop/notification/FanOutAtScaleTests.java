package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.notification.support.Events;
import io.livedrop.notification.support.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A creator with 100,000 followers, 1,000 of them online: each connected follower receives the drop
 * exactly once, and the drop wrote one broadcast row (plus its drop summary) — not one per follower.
 */
class FanOutAtScaleTests extends NotificationIntegrationTest {

    private static final int FOLLOWERS = 100_000;
    private static final int CONNECTED = 1_000;

    @Test
    void aThousandConnectedFollowersEachGetTheDropWhichWroteOneRow() {
        String creator = id();
        String prefix = "fan-" + creator + "-";
        seedFollowers(prefix, creator);
        List<WsClient> sockets = connect(prefix);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> registry.subscribers(creator) == CONNECTED);
            Map<String, Long> rowsBefore = rowCounts();

            String first = awaitStored(events.dropStarted(Events.drop(creator)));
            assertEachReceives(sockets, first);
            Map<String, Long> rowsAfter = rowCounts();

            // a second drop is the very next frame everywhere: nobody got the first one twice
            String second = awaitStored(events.dropStarted(Events.drop(creator)));
            assertEachReceives(sockets, second);

            assertThat(rowsAfter.get("creator_broadcast") - rowsBefore.get("creator_broadcast"))
                    .isEqualTo(1);
            assertThat(rowsAfter.get("drop_summary") - rowsBefore.get("drop_summary"))
                    .isEqualTo(1);
            for (String perUser : List.of("inbox_notification", "broadcast_read", "read_marker", "follow_edge")) {
                assertThat(rowsAfter.get(perUser)).as(perUser).isEqualTo(rowsBefore.get(perUser));
            }
        } finally {
            sockets.forEach(WsClient::close);
        }
        await().atMost(PATIENCE).until(() -> registry.subscribers(creator) == 0);
    }

    /** The follower replica loaded set-based: one statement, as a bulk backfill would. */
    private void seedFollowers(String prefix, String creator) {
        int inserted = jdbc.sql("""
                        insert into follow_edge (user_id, creator_id, following, followed_at, visible_from_id, changed_at)
                        select :prefix || g, :creator, true, now() - interval '1 day',
                               floor(extract(epoch from now() - interval '1 day') * 1000000)::bigint,
                               now() - interval '1 day'
                          from generate_series(1, :followers) g
                        """)
                .param("prefix", prefix)
                .param("creator", creator)
                .param("followers", FOLLOWERS)
                .update();
        assertThat(inserted).isEqualTo(FOLLOWERS);
    }

    private List<WsClient> connect(String prefix) {
        List<WsClient> sockets = new ArrayList<>();
        List<String> users =
                IntStream.rangeClosed(1, CONNECTED).mapToObj(i -> prefix + i).toList();
        for (int from = 0; from < users.size(); from += 100) {
            List<CompletableFuture<WsClient>> batch = users.subList(from, from + 100).stream()
                    .map(user -> WsClient.connectAsync(wsUrl(), tokens.realtimeToken(user)))
                    .toList();
            batch.forEach(future -> sockets.add(future.join()));
        }
        return sockets;
    }

    private static void assertEachReceives(List<WsClient> sockets, String notificationId) {
        for (WsClient socket : sockets) {
            JsonNode frame = socket.next(PATIENCE);
            assertThat(frame.path("id").asString()).isEqualTo(notificationId);
            assertThat(frame.path("type").asString()).isEqualTo("drop.started");
        }
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of(
                "creator_broadcast",
                "inbox_notification",
                "broadcast_read",
                "read_marker",
                "follow_edge",
                "drop_summary")) {
            counts.put(
                    table,
                    jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }
}

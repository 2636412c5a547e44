package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.notification.support.Events;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/notifications, read and read-all: the merged inbox of a signed-in user. */
class NotificationInboxTests extends NotificationIntegrationTest {

    @Test
    void anOfflineFollowerFindsTheDropInTheList() {
        String follower = id();
        String creator = id();
        follow(follower, creator);
        var drop = Events.drop(creator, "Offline find");
        String stored = awaitStored(events.dropStarted(drop));

        JsonNode page = api.list(follower, "");

        JsonNode item = page.path("items").get(0);
        assertThat(item.path("id").asString()).isEqualTo(stored);
        assertThat(item.path("type").asString()).isEqualTo("drop.started");
        assertThat(item.path("read").asBoolean()).isFalse();
        assertThat(item.path("createdAt").asString()).isNotBlank();
        assertThat(item.path("data").path("dropId").asString()).isEqualTo(drop.dropId());
        assertThat(item.path("data").path("title").asString()).isEqualTo("Offline find");
        assertThat(page.path("unreadCount").asLong()).isEqualTo(1);
        assertThat(page.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void theListMergesInboxAndFollowedCreatorsNewestFirstAcrossPages() {
        String user = id();
        String creatorA = id();
        String creatorB = id();
        follow(user, creatorA);
        follow(user, creatorB);
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            stored.add(awaitStored(events.orderConfirmed(user, id(), id())));
            stored.add(awaitStored(events.dropStarted(Events.drop(creatorA))));
            stored.add(awaitStored(events.dropStarted(Events.drop(creatorB))));
        }
        awaitStored(events.dropStarted(Events.drop(id()))); // a creator the user does not follow
        awaitStored(events.orderConfirmed(id(), id(), id())); // someone else's order

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.list(user, "?limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(item -> listed.add(item.path("id").asString()));
            cursor = page.path("nextCursor").isNull()
                    ? null
                    : page.path("nextCursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(listed).containsExactlyElementsOf(stored.reversed());
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void broadcastsFromBeforeTheFollowAndOfUnfollowedCreatorsAreNotListed() {
        String user = id();
        String followedLater = id();
        String unfollowed = id();
        awaitStored(events.dropStarted(Events.drop(followedLater)));
        follow(user, followedLater);
        follow(user, unfollowed);
        String visible = awaitStored(events.dropStarted(Events.drop(followedLater)));
        awaitStored(events.dropStarted(Events.drop(unfollowed)));
        unfollow(user, unfollowed);

        JsonNode page = api.list(user, "");

        assertThat(NotificationApi.ids(page)).containsExactly(visible);
        assertThat(page.path("unreadCount").asLong()).isEqualTo(1);
    }

    @Test
    void readingOneMarksItReadForThatUserOnly() {
        String user = id();
        String otherFollower = id();
        String creator = id();
        follow(user, creator);
        follow(otherFollower, creator);
        String order = awaitStored(events.orderConfirmed(user, id(), id()));
        String drop = awaitStored(events.dropStarted(Events.drop(creator)));

        assertThat(api.post(user, "/api/notifications/" + drop + "/read").statusCode())
                .isEqualTo(204);
        assertThat(api.post(user, "/api/notifications/" + order + "/read").statusCode())
                .isEqualTo(204);
        assertThat(api.post(user, "/api/notifications/" + order + "/read").statusCode())
                .isEqualTo(204);

        JsonNode page = api.list(user, "");
        assertThat(page.path("items"))
                .allSatisfy(item -> assertThat(item.path("read").asBoolean()).isTrue());
        assertThat(page.path("unreadCount").asLong()).isZero();
        JsonNode others = api.list(otherFollower, "");
        assertThat(others.path("items").get(0).path("read").asBoolean()).isFalse();
        assertThat(others.path("unreadCount").asLong()).isEqualTo(1);
    }

    @Test
    void readAllMarksEverythingSoFarAndLaterOnesStayUnread() {
        String user = id();
        String creator = id();
        follow(user, creator);
        for (int i = 0; i < 3; i++) {
            awaitStored(events.orderConfirmed(user, id(), id()));
            awaitStored(events.dropStarted(Events.drop(creator)));
        }
        assertThat(api.list(user, "").path("unreadCount").asLong()).isEqualTo(6);

        assertThat(api.post(user, "/api/notifications/read-all").statusCode()).isEqualTo(204);
        String later = awaitStored(events.dropStarted(Events.drop(creator)));

        JsonNode page = api.list(user, "");
        assertThat(page.path("unreadCount").asLong()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("id").asString()).isEqualTo(later);
        assertThat(page.path("items").get(0).path("read").asBoolean()).isFalse();
        assertThat(page.path("items").get(1).path("read").asBoolean()).isTrue();
        assertThat(api.post(user, "/api/notifications/read-all").statusCode()).isEqualTo(204);
        assertThat(api.list(user, "").path("unreadCount").asLong()).isZero();
    }

    @Test
    void someoneElsesUnknownOrMalformedNotificationIsNotFound() {
        String owner = id();
        String stranger = id();
        String creator = id();
        follow(owner, creator);
        String order = awaitStored(events.orderConfirmed(owner, id(), id()));
        String drop = awaitStored(events.dropStarted(Events.drop(creator)));

        for (String path : List.of(order, drop, "999999999999", "not-an-id", "-1", "99999999999999999999")) {
            HttpResponse<String> response = api.post(stranger, "/api/notifications/" + path + "/read");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(NotificationApi.json(response).path("code").asString()).isEqualTo("NOTIFICATION_NOT_FOUND");
        }
        assertThat(api.list(owner, "").path("unreadCount").asLong()).isEqualTo(2);
    }

    @Test
    void badPagingParametersAreRejected() {
        String user = id();
        for (String query : List.of("?limit=0", "?limit=101", "?limit=abc")) {
            HttpResponse<String> response = api.get(user, "/api/notifications" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(NotificationApi.json(response).path("code").asString()).isEqualTo("VALIDATION_FAILED");
        }
        HttpResponse<String> tampered = api.get(user, "/api/notifications?cursor=bm90LWEtY3Vyc29y.AAAA");
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(NotificationApi.json(tampered).path("code").asString()).isEqualTo("INVALID_CURSOR");
    }

    @Test
    void theListNeedsAnAccessTokenAndRefusesARealtimeToken() {
        String user = id();
        assertThat(api.getWithToken("/api/notifications", null).statusCode()).isEqualTo(401);
        HttpResponse<String> realtime = api.getWithToken("/api/notifications", tokens.realtimeToken(user));
        assertThat(realtime.statusCode()).isEqualTo(401);
        assertThat(NotificationApi.json(realtime).path("code").asString()).isEqualTo("UNAUTHENTICATED");
        HttpResponse<String> readAll = api.postWithToken("/api/notifications/read-all", tokens.realtimeToken(user));
        assertThat(readAll.statusCode()).isEqualTo(401);
    }
}

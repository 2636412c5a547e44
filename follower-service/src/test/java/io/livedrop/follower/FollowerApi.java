package io.livedrop.follower;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The follower-service HTTP API as a client calls it, answering status and JSON body. Ids and cursors
 * go into URIs as they are (cursors are URL-safe base64), so tests can send malformed ones verbatim.
 */
public final class FollowerApi {

    private final RestTestClient http;

    public FollowerApi(RestTestClient http) {
        this.http = http;
    }

    public Reply follow(UUID user, Object creatorId) {
        return post("/api/follows", FollowerFixtures.bearer(user), "{\"creatorId\":\"" + creatorId + "\"}");
    }

    public Reply unfollow(UUID user, Object creatorId) {
        return send(http.delete().uri("/api/follows/" + creatorId), FollowerFixtures.bearer(user));
    }

    public Reply check(UUID user, Object creatorId) {
        return get("/api/follows/check?creatorId=" + creatorId, FollowerFixtures.bearer(user));
    }

    /** The caller's edges among {@code creatorIds} (comma-separated, sent as they are). */
    public Reply followedAmong(UUID user, String creatorIds) {
        return get("/api/follows?creatorIds=" + creatorIds, user == null ? null : FollowerFixtures.bearer(user));
    }

    public Reply followers(UUID caller, Object creatorId, Integer limit, String cursor) {
        return get(
                pageUri("/api/creators/" + creatorId + "/followers", limit, cursor), FollowerFixtures.bearer(caller));
    }

    public Reply following(UUID caller, Object userId, Integer limit, String cursor) {
        return get(pageUri("/api/users/" + userId + "/following", limit, cursor), FollowerFixtures.bearer(caller));
    }

    public Reply followerCount(Object creatorId, String authorization) {
        return get("/internal/follows/creators/" + creatorId + "/count", authorization);
    }

    public Reply get(String uri, String authorization) {
        return send(http.get().uri(uri), authorization);
    }

    public Reply post(String uri, String authorization, String json) {
        var request =
                http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(json);
        return send(request, authorization);
    }

    private static Reply send(RestTestClient.RequestHeadersSpec<?> request, String authorization) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        EntityExchangeResult<JsonNode> result = request.exchange().returnResult(JsonNode.class);
        return new Reply(
                result.getStatus().value(),
                result.getResponseHeaders().getContentType(),
                result.getResponseBody(),
                result.getResponseHeaders());
    }

    private static String pageUri(String path, Integer limit, String cursor) {
        List<String> query = new ArrayList<>();
        if (limit != null) {
            query.add("limit=" + limit);
        }
        if (cursor != null) {
            query.add("cursor=" + cursor);
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    public record Reply(int status, MediaType contentType, JsonNode body, HttpHeaders headers) {

        public String text(String field) {
            JsonNode node = body == null ? null : body.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        public String code() {
            return text("code");
        }

        public List<JsonNode> items() {
            List<JsonNode> items = new ArrayList<>();
            body.get("items").forEach(items::add);
            return items;
        }

        public String nextCursor() {
            return text("nextCursor");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}

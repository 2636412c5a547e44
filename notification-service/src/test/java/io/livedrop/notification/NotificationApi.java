package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.test.TestJwtIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP client of notification-service's tests: the inbox endpoints with a user's access
 * token, any path with any (or no) bearer token, and the Prometheus scrape. The realtime streams
 * have their own protocol clients ({@code WsClient}, {@code SseClient}, {@code StalledClient}).
 */
public final class NotificationApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final TestJwtIssuer tokens;

    public NotificationApi(String baseUrl, TestJwtIssuer tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    /** {@code GET /api/notifications<query>} as the user; must answer 200. */
    public JsonNode list(String userId, String query) {
        HttpResponse<String> response = get(userId, "/api/notifications" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** GET with the user's access token. */
    public HttpResponse<String> get(String userId, String path) {
        return getWithToken(path, tokens.userToken(userId));
    }

    /** POST without a body with the user's access token. */
    public HttpResponse<String> post(String userId, String path) {
        return postWithToken(path, tokens.userToken(userId));
    }

    /** GET with this bearer token, or without an Authorization header when it is null. */
    public HttpResponse<String> getWithToken(String path, String token) {
        return send(request(path, token).GET().build());
    }

    /** POST without a body with this bearer token, or without an Authorization header when it is null. */
    public HttpResponse<String> postWithToken(String path, String token) {
        return send(
                request(path, token).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** The Prometheus scrape of {@code /actuator/prometheus}. */
    public String prometheus() {
        return getWithToken("/actuator/prometheus", null).body();
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The ids of a list page's items, in order. */
    public static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

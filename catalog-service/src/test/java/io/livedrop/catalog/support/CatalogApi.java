package io.livedrop.catalog.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.ids.Ids;
import io.livedrop.common.test.TestJwtIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP client of catalog-service's tests: talks to the service under test like a client, and
 * sets up creators, products and drops ({@link io.livedrop.catalog.CatalogIntegrationTest} holds a ready one).
 */
public final class CatalogApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final TestJwtIssuer tokens;

    public CatalogApi(int port, TestJwtIssuer tokens) {
        this.baseUrl = "http://localhost:" + port;
        this.tokens = tokens;
    }

    public static JsonMapper json() {
        return JSON;
    }

    public Response get(String path, String token) {
        return send(request(path, token).header("Accept", "application/json").GET());
    }

    /** A conditional GET, as a browser or a CDN revalidates what it cached. */
    public Response getIfNoneMatch(String path, String etag) {
        return send(request(path, null)
                .header("Accept", "application/json")
                .header("If-None-Match", etag)
                .GET());
    }

    /** A plain-text resource such as {@code /actuator/prometheus}. */
    public String getText(String path) {
        return send(request(path, null).header("Accept", "text/plain").GET()).raw();
    }

    public Response post(String path, Object body, String token) {
        return send(request(path, token).header("Accept", "application/json").POST(bodyOf(body)));
    }

    public Response patch(String path, Object body, String token) {
        return send(request(path, token).header("Accept", "application/json").method("PATCH", bodyOf(body)));
    }

    /** A fresh user (not a creator) and a token for them. */
    public User newUser() {
        UUID id = Ids.newId();
        return new User(id.toString(), tokens.userToken(id.toString()));
    }

    /** A fresh user who became a creator with a unique handle. */
    public User newCreator() {
        User user = newUser();
        Response created =
                post("/api/creators", Map.of("handle", uniqueHandle(), "displayName", "Creator"), user.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return user;
    }

    public static String uniqueHandle() {
        return "h_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    public JsonNode createProduct(User creator, String title) {
        return createProduct(creator, title, "A fine thing", 2500, "EUR");
    }

    public JsonNode createProduct(User creator, String title, String description, long priceCents, String currency) {
        Response created = post(
                "/api/products",
                Map.of("title", title, "description", description, "priceCents", priceCents, "currency", currency),
                creator.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    public Response createDrop(User creator, String productId, Instant startsAt, Instant endsAt, int stock) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("productId", productId);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("initialStock", stock);
        return post("/api/drops", body, creator.token());
    }

    /** A drop of a new product of {@code creator}; fails the test unless it was created. */
    public JsonNode newDrop(User creator, Instant startsAt, Instant endsAt, int stock) {
        String productId = createProduct(creator, "Product " + UUID.randomUUID())
                .path("id")
                .asString();
        Response created = createDrop(creator, productId, startsAt, endsAt, stock);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        return HttpRequest.BodyPublishers.ofString(body instanceof String raw ? raw : JSON.writeValueAsString(body));
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body;
            try {
                body = raw == null || raw.isBlank() ? JSON.missingNode() : JSON.readTree(raw);
            } catch (RuntimeException notJson) {
                body = JSON.missingNode();
            }
            return new Response(response.statusCode(), response.headers(), body, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A signed-in user of the tests. */
    public record User(String id, String token) {}
}

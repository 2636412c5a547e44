package io.livedrop.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A small blocking client of the public API (through the gateway) and of the two internal calls the
 * load tests need. Used to set up data before a run and to check invariants after it, never to
 * generate the measured load (that is Gatling's job).
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** A signed-in user: id and access token. */
    public record User(String id, String email, String token) {}

    /** An answer: status and parsed body (null when empty or not JSON). */
    public record Answer(int status, JsonNode body) {
        Answer expect(int... statuses) {
            for (int expected : statuses) {
                if (status == expected) {
                    return this;
                }
            }
            throw new IllegalStateException("unexpected answer " + status + ": " + body);
        }

        String text(String field) {
            return body.path(field).asText();
        }
    }

    public User register(String namePrefix) {
        String email = namePrefix + "-" + UUID.randomUUID() + "@loadtest.livedrop.io";
        ObjectNode body = JSON.createObjectNode()
                .put("email", email)
                .put("password", "load-test-password")
                .put("name", namePrefix);
        Answer answer = send("POST", Settings.gatewayUrl() + "/api/auth/register", null, body, null)
                .expect(201);
        return new User(answer.body().path("user").path("id").asText(), email, answer.text("accessToken"));
    }

    /** Makes the user a creator; follower-service learns it asynchronously (creator.created). */
    public void becomeCreator(User user) {
        String handle = "lt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        send(
                        "POST",
                        gateway("/api/creators"),
                        user.token(),
                        JSON.createObjectNode().put("handle", handle).put("displayName", "Load test creator"),
                        null)
                .expect(201);
    }

    public String createProduct(User creator, int priceCents) {
        return send(
                        "POST",
                        gateway("/api/products"),
                        creator.token(),
                        JSON.createObjectNode()
                                .put("title", "Load test sneaker")
                                .put("description", "Limited load test edition")
                                .put("priceCents", priceCents)
                                .put("currency", "EUR"),
                        null)
                .expect(201)
                .text("id");
    }

    public JsonNode createDrop(User creator, String productId, Instant startsAt, Duration length, int stock) {
        return createDrop(creator, productId, startsAt, length, stock, false);
    }

    /** A drop of the creator, per-user limit 1; with {@code waitingRoom} orders need an admission token. */
    public JsonNode createDrop(
            User creator, String productId, Instant startsAt, Duration length, int stock, boolean waitingRoom) {
        ObjectNode body = JSON.createObjectNode()
                .put("productId", productId)
                .put("startsAt", startsAt.toString())
                .put("endsAt", startsAt.plus(length).toString())
                .put("initialStock", stock)
                .put("perUserLimit", 1);
        if (waitingRoom) {
            body.put("waitingRoom", true);
        }
        return send("POST", gateway("/api/drops"), creator.token(), body, null)
                .expect(201)
                .body();
    }

    public Answer getDrop(String dropId) {
        return send("GET", gateway("/api/drops/" + dropId), null, null, null);
    }

    /** Joins the drop's waiting room: 201 with a new ticket, 200 with the same ticket again. */
    public Answer joinQueue(User user, String dropId) {
        return send("POST", gateway("/api/drops/" + dropId + "/queue"), user.token(), null, null);
    }

    /** The user's ticket of the drop's waiting room; 404 without one. */
    public Answer queueTicket(User user, String dropId) {
        return get("/api/drops/" + dropId + "/queue/me", user);
    }

    public Answer follow(User follower, String creatorId) {
        return send(
                "POST",
                gateway("/api/follows"),
                follower.token(),
                JSON.createObjectNode().put("creatorId", creatorId),
                null);
    }

    public String realtimeToken(User user) {
        return send("GET", gateway("/api/realtime/token"), user.token(), null, null)
                .expect(200)
                .text("token");
    }

    public Answer get(String pathAndQuery, User user) {
        return send("GET", gateway(pathAndQuery), user == null ? null : user.token(), null, null);
    }

    /**
     * A service token for inventory's internal API (client credentials, scope internal:inventory,
     * INTERNAL-API.md), valid 5 minutes. Only a client granted that scope gets one: by default
     * order-service's local-dev credential (Settings.serviceClientId / serviceClientSecret).
     */
    public String serviceToken() {
        String basic = Base64.getEncoder()
                .encodeToString((Settings.serviceClientId() + ":" + Settings.serviceClientSecret())
                        .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(Settings.authUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=internal:inventory"))
                .build();
        return exchange(request).expect(200).text("access_token");
    }

    /** inventory's view of a drop: {dropId, stock, available, reserved, sold, ...}; 404 until it knows it. */
    public Answer inventoryStock(String serviceToken, String dropId) {
        return send("GET", Settings.inventoryUrl() + "/internal/inventory/drops/" + dropId, serviceToken, null, null);
    }

    public Answer send(String method, String url, String token, JsonNode body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(request.build());
    }

    private Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? null : parse(text);
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode().put("raw", text);
        }
    }

    private static String gateway(String path) {
        return Settings.gatewayUrl() + path;
    }
}

package io.livedrop.inventory;

import io.livedrop.common.test.TestJwtIssuer;
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
 * order-service's view of inventory: the internal API over HTTP with a service token. Like a
 * well-behaved caller it retries a {@code 503} (the service shedding load when no database
 * connection is free in time; nothing was written) with the same request — every internal call is
 * idempotent. Thread-safe.
 */
public final class InventoryApi {

    private static final int MAX_ATTEMPTS = 10;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;
    private final String serviceToken;

    public InventoryApi(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.serviceToken = TestJwtIssuer.shared().serviceToken("order-service");
    }

    public Response reserve(UUID reservationId, UUID dropId, String userId, int quantity, Instant expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reservationId", reservationId.toString());
        body.put("dropId", dropId.toString());
        body.put("userId", userId);
        body.put("quantity", quantity);
        body.put("expiresAt", expiresAt.toString());
        return post("/internal/inventory/reservations", json.writeValueAsString(body));
    }

    /** A new reservation id, held for ten minutes. */
    public Response reserve(UUID dropId, String userId, int quantity) {
        return reserve(
                UUID.randomUUID(), dropId, userId, quantity, Instant.now().plusSeconds(600));
    }

    public Response confirm(Object reservationId) {
        return post("/internal/inventory/reservations/" + reservationId + "/confirm", "");
    }

    public Response release(Object reservationId) {
        return post("/internal/inventory/reservations/" + reservationId + "/release", "");
    }

    public Response returnSold(Object reservationId) {
        return post("/internal/inventory/reservations/" + reservationId + "/return", "");
    }

    public Response drop(Object dropId) {
        return send(request("/internal/inventory/drops/" + dropId, serviceToken)
                .GET()
                .build());
    }

    public Response post(String path, String jsonBody) {
        Response response = postAs(path, jsonBody, serviceToken);
        for (int attempt = 1; response.status() == 503 && attempt < MAX_ATTEMPTS; attempt++) {
            sleep(Duration.ofMillis(200L * attempt));
            response = postAs(path, jsonBody, serviceToken);
        }
        return response;
    }

    public Response postAs(String path, String jsonBody, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody))
                .build());
    }

    public Response getAs(String path, String token) {
        return send(request(path, token).GET().build());
    }

    /** A non-JSON resource such as /actuator/prometheus. */
    public String text(String path) {
        try {
            return http.send(request(path, null).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : json.readTree(response.body());
            return new Response(
                    response.statusCode(),
                    body,
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, JsonNode body, String contentType) {

        public String code() {
            return body == null || body.get("code") == null
                    ? null
                    : body.get("code").asString();
        }

        public String text(String field) {
            return body.get(field).asString();
        }
    }
}

package io.livedrop.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP client of auth-service's API in tests: plain requests answering status, headers and
 * JSON body, nothing hidden, plus the sign-up/sign-in/refresh calls most tests start with.
 */
final class AuthApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    AuthApi(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    record Response(int status, HttpHeaders headers, JsonNode body, String raw) {

        String text(String field) {
            JsonNode node = body.path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }

        String code() {
            return text("code");
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    /** A registered user with the tokens of its registration. */
    record Account(String id, String email, String password, String name, String accessToken, String refreshToken) {}

    static String uniqueEmail() {
        return "user-" + HexFormat.of().formatHex(RANDOM.generateSeed(8)) + "@example.test";
    }

    Account register() {
        String email = uniqueEmail();
        String password = "correct horse " + HexFormat.of().formatHex(RANDOM.generateSeed(4));
        Response response =
                post("/api/auth/register", Map.of("email", email, "password", password, "name", "Ada"), null);
        if (response.status() != 201) {
            throw new IllegalStateException("registration failed: " + response);
        }
        return new Account(
                response.body().path("user").path("id").asString(),
                email,
                password,
                "Ada",
                response.text("accessToken"),
                response.text("refreshToken"));
    }

    Response login(String email, String password) {
        return post("/api/auth/login", Map.of("email", email, "password", password), null);
    }

    Response refresh(String refreshToken) {
        return post("/api/auth/refresh", Map.of("refreshToken", refreshToken), null);
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response post(String path, Object body, String token) {
        String json = body instanceof String raw ? raw : JSON.writeValueAsString(body);
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response postForm(String path, String form, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return send(builder);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw == null || raw.isBlank() ? JSON.missingNode() : parse(raw);
            return new Response(response.statusCode(), response.headers(), body, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (RuntimeException notJson) {
            return JSON.missingNode();
        }
    }
}

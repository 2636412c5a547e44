package io.livedrop.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the public API, talking to the gateway exactly as an app would. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static Api gateway() {
        return new Api(Fleet.shared().gatewayUrl());
    }

    public ApiResponse get(String path, String token) {
        return send(request(path, token, Map.of()).GET());
    }

    public ApiResponse delete(String path, String token) {
        return send(request(path, token, Map.of()).DELETE());
    }

    public ApiResponse post(String path, Object body, String token) {
        return post(path, body, token, Map.of());
    }

    public ApiResponse post(String path, Object body, String token, Map<String, String> headers) {
        return send(request(path, token, headers).POST(bodyOf(body)));
    }

    public ApiResponse put(String path, Object body, String token) {
        return send(request(path, token, Map.of()).PUT(bodyOf(body)));
    }

    public ApiResponse patch(String path, Object body, String token) {
        return send(request(path, token, Map.of()).method("PATCH", bodyOf(body)));
    }

    public static JsonMapper json() {
        return JSON;
    }

    private HttpRequest.Builder request(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        String json = body instanceof String raw ? raw : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private ApiResponse send(HttpRequest.Builder builder) {
        HttpRequest request = builder.header("Content-Type", "application/json").build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw == null || raw.isBlank() ? JSON.missingNode() : parse(raw);
            return new ApiResponse(response.statusCode(), response.headers(), body, raw);
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

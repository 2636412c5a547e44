package io.livedrop.common.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP calls to the service under test, as a client (or another service) makes them. A service's
 * {@code <Svc>Api} extends it with calls to its own endpoints.
 */
public class ServiceClient {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ServiceClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public Reply get(String path, String token) {
        return send(request(path, token, Map.of()).GET());
    }

    /** A GET that accepts any representation (e.g. Prometheus' text format). */
    public Reply getText(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .GET());
    }

    public Reply put(String path, String token) {
        return send(request(path, token, Map.of()).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    public Reply post(String path, String token, Map<String, String> headers, String body) {
        return send(request(path, token, headers).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

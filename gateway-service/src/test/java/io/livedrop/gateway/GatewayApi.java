package io.livedrop.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the gateway under test like a client. Unless a test picks one with {@link Call#from}, every
 * request comes from its own random client IP (via {@code X-Forwarded-For}, which the tests' trusted
 * proxy 127.0.0.1 may send), so anonymous requests of different tests never share a rate-limit bucket.
 */
public final class GatewayApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    GatewayApi(int port) {
        this.port = port;
    }

    Call get(String path) {
        return new Call("GET", path);
    }

    Call post(String path) {
        return new Call("POST", path);
    }

    Call options(String path) {
        return new Call("OPTIONS", path);
    }

    /** An address from 198.18.0.0/15, the range reserved for tests like these. */
    static String randomClientIp() {
        return "198." + (18 + RANDOM.nextInt(2)) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body = "{}";

        Call(String method, String path) {
            this.method = method;
            this.path = path;
            headers.put("X-Forwarded-For", randomClientIp());
        }

        Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Call from(String clientIp) {
            return header("X-Forwarded-For", clientIp);
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call body(String json) {
            this.body = json;
            return this;
        }

        Call withoutForwardedFor() {
            headers.remove("X-Forwarded-For");
            return this;
        }

        Reply send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            method,
                            method.equals("POST")
                                    ? HttpRequest.BodyPublishers.ofString(body)
                                    : HttpRequest.BodyPublishers.noBody());
            if (method.equals("POST")) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    record Reply(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            String body = response.body();
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        }

        String text(String field) {
            JsonNode node = json().path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }

        String code() {
            return text("code");
        }

        /** Which stub service answered, if the request got through. */
        String service() {
            return text("service");
        }

        @Override
        public String toString() {
            return status() + " " + response.headers().map() + " " + response.body();
        }
    }
}

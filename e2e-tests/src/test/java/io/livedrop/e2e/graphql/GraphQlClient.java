package io.livedrop.e2e.graphql;

import io.livedrop.e2e.support.Api;
import io.livedrop.e2e.support.ApiResponse;
import io.livedrop.e2e.support.Fleet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** The gateway's GraphQL endpoint as a client sees it: queries over HTTP, subscriptions over graphql-transport-ws. */
final class GraphQlClient {

    private final Api api = Api.gateway();

    /** {@code data} and {@code errors} of one query; fails unless the HTTP status is 200. */
    JsonNode query(String query, Map<String, Object> variables, String token) {
        ApiResponse response = api.post("/graphql", Map.of("query", query, "variables", variables), token);
        if (response.status() != 200) {
            throw new AssertionError("GraphQL over HTTP answered " + response);
        }
        return response.body();
    }

    static String code(JsonNode answer) {
        return answer.path("errors").path(0).path("extensions").path("code").asString();
    }

    /** A subscription over {@code graphql-transport-ws} on {@code /graphql}. */
    static final class Subscription implements AutoCloseable {

        private static final HttpClient HTTP = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        private final WebSocket socket;

        Subscription(String query, Map<String, Object> variables) {
            String url = Fleet.shared().gatewayWebSocketUrl() + "/graphql";
            this.socket = HTTP.newWebSocketBuilder()
                    .subprotocols("graphql-transport-ws")
                    .buildAsync(URI.create(url), new Collecting())
                    .join();
            send(Map.of("type", "connection_init", "payload", Map.of()));
            JsonNode ack = next();
            if (!"connection_ack".equals(ack.path("type").asString())) {
                throw new AssertionError("no connection_ack: " + ack);
            }
            send(Map.of("id", "1", "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
        }

        /** The next message of the server, or an AssertionError after 30 s. */
        JsonNode next() {
            try {
                JsonNode message = messages.poll(30, TimeUnit.SECONDS);
                if (message == null) {
                    throw new AssertionError("no message from the subscription within 30 s");
                }
                return message;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The {@code data} of the next {@code next} message; fails on anything else. */
        JsonNode nextData() {
            JsonNode message = next();
            if (!"next".equals(message.path("type").asString())) {
                throw new AssertionError("expected a next message: " + message);
            }
            return message.path("payload").path("data");
        }

        private void send(Map<String, Object> message) {
            socket.sendText(Api.json().writeValueAsString(message), true).join();
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }

        private final class Collecting implements WebSocket.Listener {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    messages.add(Api.json().readTree(partial.toString()));
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }
    }
}

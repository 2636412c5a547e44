package io.livedrop.e2e.notifications;

import io.livedrop.e2e.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A client of the realtime stream through the gateway, over a WebSocket ({@code /ws}) or SSE
 * ({@code /api/realtime/sse}), collecting the notification frames it receives with their arrival time.
 */
public final class RealtimeClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** A frame {@code {id, type, createdAt, data}} and when it arrived. */
    public record Received(JsonNode frame, Instant at) {

        public String id() {
            return frame.path("id").asString();
        }

        public String type() {
            return frame.path("type").asString();
        }

        public JsonNode data() {
            return frame.path("data");
        }
    }

    private final BlockingQueue<Received> frames = new LinkedBlockingQueue<>();
    private Runnable closer = () -> {};

    private RealtimeClient() {}

    public static RealtimeClient webSocket(String wsBaseUrl, String realtimeToken, String lastEventId) {
        RealtimeClient client = new RealtimeClient();
        String uri =
                wsBaseUrl + "/ws?token=" + realtimeToken + (lastEventId == null ? "" : "&lastEventId=" + lastEventId);
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    client.frames.add(new Received(Api.json().readTree(partial.toString()), Instant.now()));
                    partial.setLength(0);
                }
                socket.request(1);
                return null;
            }
        };
        try {
            WebSocket socket = HTTP.newWebSocketBuilder()
                    .buildAsync(URI.create(uri), listener)
                    .get(30, TimeUnit.SECONDS);
            client.closer = socket::abort;
            return client;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                throw new IllegalStateException(
                        "WebSocket handshake refused with HTTP "
                                + refused.getResponse().statusCode(),
                        e);
            }
            throw new IllegalStateException("WebSocket through the gateway failed: " + e, e);
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket through the gateway failed: " + e, e);
        }
    }

    static RealtimeClient sse(String httpBaseUrl, String realtimeToken, String lastEventId) {
        RealtimeClient client = new RealtimeClient();
        var request = HttpRequest.newBuilder(URI.create(httpBaseUrl + "/api/realtime/sse?token=" + realtimeToken))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("SSE through the gateway answered " + response.statusCode());
            }
            Stream<String> lines = response.body();
            client.closer = lines::close;
            Thread.ofVirtual().start(() -> {
                String name = null;
                try {
                    for (String line : (Iterable<String>) lines::iterator) {
                        if (line.startsWith("event:")) {
                            name = line.substring(6).trim();
                        } else if (line.startsWith("data:") && name == null) {
                            client.frames.add(new Received(
                                    Api.json().readTree(line.substring(5).trim()), Instant.now()));
                        } else if (line.isEmpty()) {
                            name = null;
                        }
                    }
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            });
            return client;
        } catch (Exception e) {
            throw new IllegalStateException("SSE through the gateway failed: " + e, e);
        }
    }

    /** Every frame that arrives within {@code window} from now. */
    public List<Received> within(Duration window) {
        List<Received> received = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        try {
            for (long left = window.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Received next = frames.poll(left, TimeUnit.NANOSECONDS);
                if (next != null) {
                    received.add(next);
                }
            }
            return received;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next frame of this type (others are skipped). */
    public Received next(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            try {
                Received received = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
                if (received == null) {
                    throw new AssertionError("no " + type + " frame within " + timeout);
                }
                if (received.type().equals(type)) {
                    return received;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    List<Received> next(int count, Duration timeout) {
        List<Received> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (received.size() < count) {
                long left = deadline - System.nanoTime();
                Received next = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    throw new AssertionError("received " + received.size() + " of " + count + " frames");
                }
                received.add(next);
            }
            return received;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closer.run();
    }
}

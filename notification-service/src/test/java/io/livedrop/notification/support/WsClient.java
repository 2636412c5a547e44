package io.livedrop.notification.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client (java.net.http) that collects the JSON frames it receives. */
public final class WsClient implements WebSocket.Listener, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final AtomicInteger pings = new AtomicInteger();
    private WebSocket socket;

    private WsClient() {}

    public static WsClient connect(String baseUrl, String token) {
        return connect(baseUrl, token, null);
    }

    /** @param baseUrl {@code ws://host:port} */
    public static WsClient connect(String baseUrl, String token, String lastEventId) {
        WsClient client = new WsClient();
        try {
            client.socket = HTTP.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(uri(baseUrl, token, lastEventId), client)
                    .get(30, TimeUnit.SECONDS);
            return client;
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket connect failed: " + e, e);
        }
    }

    /** Connects asynchronously: for opening many sockets at once. */
    public static CompletableFuture<WsClient> connectAsync(String baseUrl, String token) {
        WsClient client = new WsClient();
        return HTTP.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri(baseUrl, token, null), client)
                .thenApply(socket -> {
                    client.socket = socket;
                    return client;
                });
    }

    /** The HTTP status of a handshake the server refuses (101 if it accepts it). */
    public static int handshakeStatus(String baseUrl, String token, String lastEventId) {
        try {
            WsClient accepted = connect(baseUrl, token, lastEventId);
            accepted.close();
            return 101;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof ExecutionException execution
                    && execution.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static URI uri(String baseUrl, String token, String lastEventId) {
        StringBuilder uri = new StringBuilder(baseUrl).append("/ws");
        String separator = "?";
        if (token != null) {
            uri.append(separator).append("token=").append(token);
            separator = "&";
        }
        if (lastEventId != null) {
            uri.append(separator).append("lastEventId=").append(lastEventId);
        }
        return URI.create(uri.toString());
    }

    /** The next frame, or an AssertionError after the timeout. */
    public JsonNode next(Duration timeout) {
        try {
            JsonNode frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + timeout);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<JsonNode> next(int count, Duration timeout) {
        List<JsonNode> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("received " + received.size() + " of " + count + " frames: " + received);
            }
            received.add(next(Duration.ofNanos(left)));
        }
        return received;
    }

    /** Frames received so far and not taken yet. */
    public List<JsonNode> drain() {
        List<JsonNode> received = new ArrayList<>();
        frames.drainTo(received);
        return received;
    }

    public int pings() {
        return pings.get();
    }

    public CompletableFuture<Integer> closeCode() {
        return closeCode;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        pings.incrementAndGet();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
                    .orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null);
        }
        if (socket != null) {
            socket.abort();
        }
    }
}

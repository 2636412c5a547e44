package io.livedrop.notification.support;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real Server-Sent Events client: java.net.http streaming the response line by line. */
public final class SseClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** One event: {@code id:}, {@code event:} (null for a notification) and {@code data:}. */
    public record Event(String id, String name, String data) {

        public JsonNode json() {
            return JSON.readTree(data);
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final int status;
    private final String body;
    private final Stream<String> lines;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.lines = response.body();
        if (status == 200) {
            this.body = null;
            Thread.ofVirtual().name("sse-client").start(this::read);
        } else {
            this.body = lines.collect(Collectors.joining("\n"));
        }
    }

    /** @param baseUrl {@code http://host:port} */
    public static SseClient connect(String baseUrl, String token, String lastEventId) {
        var request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/realtime/sse" + (token == null ? "" : "?token=" + token)))
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return status;
    }

    /** The body of a refused request (a problem+json). */
    public JsonNode problem() {
        return JSON.readTree(body);
    }

    public int comments() {
        return comments.get();
    }

    public CompletableFuture<Void> ended() {
        return ended;
    }

    public Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no SSE event within " + timeout);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<Event> next(int count, Duration timeout) {
        List<Event> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("received " + received.size() + " of " + count + " events: " + received);
            }
            received.add(next(Duration.ofNanos(left)));
        }
        return received;
    }

    public List<Event> drain() {
        List<Event> received = new ArrayList<>();
        events.drainTo(received);
        return received;
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    data = data == null
                            ? new StringBuilder(value)
                            : data.append('\n').append(value);
                }
            }
            ended.complete(null);
        } catch (RuntimeException closed) {
            ended.complete(null);
        }
    }

    @Override
    public void close() {
        lines.close();
    }
}

package io.livedrop.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for one downstream service, so the gateway's own filters can be tested: it reads the whole
 * request body, then answers with what it received (service name, method, path, query, a few headers,
 * the body's size) as JSON. A request header {@code X-Stub-Status} picks the status, {@code X-Stub-Delay-Ms} makes it slow. It can be
 * stopped and started again on the same port, like a crashed and restarted service.
 */
final class StubService {

    static final String STATUS = "X-Stub-Status";
    static final String DELAY = "X-Stub-Delay-Ms";
    static final String CACHE_CONTROL = "X-Stub-Cache-Control";
    static final String ETAG = "X-Stub-ETag";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final int port;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicReference<Map<String, Object>> lastRequest = new AtomicReference<>();
    private final Map<String, Canned> canned = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "stub-upstream");
        thread.setDaemon(true);
        return thread;
    });
    private HttpServer server;

    private StubService(String name) {
        this.name = name;
        this.server = bind(0);
        this.port = server.getAddress().getPort();
        server.start();
    }

    static StubService start(String name) {
        return new StubService(name);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    int hits() {
        return hits.get();
    }

    Map<String, Object> lastRequest() {
        return lastRequest.get();
    }

    /**
     * Answers {@code method path} (query ignored) with this status and JSON body instead of the echo,
     * until {@link #forgetCanned()}.
     */
    void answer(String method, String path, int status, String json) {
        canned.put(method + " " + path, new Canned(status, json));
    }

    void forgetCanned() {
        canned.clear();
        requests.clear();
    }

    /** Every request since the last {@link #forgetCanned()}, as {@code METHOD path?query}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private record Canned(int status, String json) {}

    /** Stops accepting connections: the port refuses, as a stopped service's would. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port. */
    synchronized void restart() {
        if (server == null) {
            server = bind(port);
            server.start();
        }
    }

    private HttpServer bind(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
            created.createContext("/", this::answer);
            created.setExecutor(executor);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) {
        exchange.getResponseHeaders()
                .set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        try {
            exchange.sendResponseHeaders(status, status == 204 ? -1 : body.length);
            if (status != 204) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException clientGone) {
            // the gateway gave up waiting
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        hits.incrementAndGet();
        var headers = exchange.getRequestHeaders();
        long bodyBytes;
        try {
            // like a real service, read the whole body before answering
            bodyBytes = exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        } catch (IOException cutOff) {
            // the gateway aborted the forwarded request (body over the size limit)
            exchange.close();
            return;
        }
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("service", name);
        seen.put("method", exchange.getRequestMethod());
        seen.put("path", exchange.getRequestURI().getRawPath());
        seen.put("query", exchange.getRequestURI().getRawQuery());
        seen.put("authorization", headers.getFirst("Authorization"));
        seen.put("requestId", headers.getFirst("X-Request-Id"));
        seen.put("host", headers.getFirst("Host"));
        seen.put("bodyBytes", bodyBytes);
        lastRequest.set(seen);
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(exchange.getRequestMethod() + " "
                + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
        Canned reply = canned.get(
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
        if (reply != null) {
            send(exchange, reply.status(), reply.json().getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            String delay = headers.getFirst(DELAY);
            if (delay != null) {
                Thread.sleep(Long.parseLong(delay));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String status = headers.getFirst(STATUS);
        byte[] body = JSON.writeValueAsString(seen).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (headers.getFirst(CACHE_CONTROL) != null) {
            exchange.getResponseHeaders().set("Cache-Control", headers.getFirst(CACHE_CONTROL));
        }
        if (headers.getFirst(ETAG) != null) {
            exchange.getResponseHeaders().set("ETag", headers.getFirst(ETAG));
        }
        // services echo the request id; the gateway must still send exactly one
        exchange.getResponseHeaders().set("X-Request-Id", "echoed-by-" + name);
        try {
            exchange.sendResponseHeaders(status == null ? 200 : Integer.parseInt(status), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException clientGone) {
            // the gateway gave up waiting (timeout tests)
        } finally {
            exchange.close();
        }
    }
}

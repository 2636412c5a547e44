package io.livedrop.common.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small HTTP server standing in for another service's internal API in a service's tests. It can be
 * taken down (connection refused) and brought back on the same port, as an outage looks. Requests
 * without a bearer token get a 401 problem, as the real services answer them (see {@link
 * #authenticated}). JSON and form bodies are handed to {@link #handle} as JSON.
 */
public abstract class StubServer {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private int port;
    private HttpServer server;

    public final synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/", this::dispatch);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            port = server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops listening: calls are refused until {@link #up()}. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void up() {
        if (server == null) {
            start();
        }
    }

    /** The answer to an authenticated request; an exception becomes a 500 problem. */
    protected abstract StubReply handle(String method, String path, JsonNode body) throws Exception;

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            StubReply reply;
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!authenticated(authorization)) {
                reply = problem(401, "UNAUTHENTICATED", "service token required");
            } else if (requiredScope() != null && !bearerHasScope(authorization, requiredScope())) {
                reply = problem(403, "FORBIDDEN", "service token without scope " + requiredScope());
            } else {
                byte[] raw = exchange.getRequestBody().readAllBytes();
                JsonNode body = raw.length == 0
                        ? JSON.missingNode()
                        : parse(exchange.getRequestHeaders().getFirst("Content-Type"), raw);
                try {
                    reply = handle(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(),
                            body);
                } catch (Exception e) {
                    reply = problem(500, "INTERNAL_ERROR", String.valueOf(e.getMessage()));
                }
            }
            byte[] bytes = JSON.writeValueAsString(reply.body()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .set("Content-Type", reply.status() >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException | RuntimeException e) {
            // the client went away (e.g. its read timeout): nothing to answer
        }
    }

    /**
     * Whether a request with this {@code Authorization} header is let through to {@link #handle}; by
     * default any bearer token, as the services' internal APIs take service tokens. A stub of a token
     * endpoint checks client credentials instead.
     */
    protected boolean authenticated(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ");
    }

    /**
     * The scope a service token must carry, as the real service's {@code
     * livedrop.security.internal-scope} demands (403 otherwise); {@code null}: any bearer token.
     */
    protected String requiredScope() {
        return null;
    }

    /** Whether the bearer token is a JWT whose {@code scope} claim contains this scope (not verified). */
    public static boolean bearerHasScope(String authorization, String scope) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring("Bearer ".length()).strip().split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return Arrays.asList(claims.path("scope").asString("").split(" ")).contains(scope);
        } catch (RuntimeException notAJwt) {
            return false;
        }
    }

    /** A JSON body ({@code application/x-www-form-urlencoded}) as an object of its fields. */
    private static JsonNode parse(String contentType, byte[] raw) {
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            return JSON.readTree(raw);
        }
        ObjectNode form = JSON.createObjectNode();
        for (String pair : new String(raw, StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            form.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }

    /** What a stub answers: a status and a body written as JSON. */
    protected record StubReply(int status, Object body) {}

    protected static StubReply ok(int status, Object body) {
        return new StubReply(status, body);
    }

    protected static StubReply problem(int status, String code, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://livedrop.io/problems/" + code.toLowerCase().replace('_', '-'));
        problem.put("title", code);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        return new StubReply(status, problem);
    }
}

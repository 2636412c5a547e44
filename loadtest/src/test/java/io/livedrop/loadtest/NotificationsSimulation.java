package io.livedrop.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Notifications: {@code sockets} users follow one creator and hold a WebSocket ({@code /ws} through
 * the gateway, realtime token flow of API.md). When all are open, the creator schedules a drop
 * {@code startDelay} seconds ahead; catalog fires {@code drop.started} at that moment. Each socket
 * records when its {@code drop.started} frame arrives; latency = receipt − the frame's
 * {@code createdAt} (the event's time) and receipt − {@code startsAt}. Target: p99 ≤ 500 ms.
 *
 * <p>The sockets are a plain JDK WebSocket client (Gatling's WebSocket checks measure from a message
 * the client sends, not from a server-side event time); Gatling drives and measures the HTTP steps.
 */
public class NotificationsSimulation extends Simulation {

    private final int sockets = Settings.integer("sockets", 200);
    private final int connectRate = Settings.integer("connectRate", 100);
    private final Duration startDelay = Settings.seconds("startDelay", 5);
    private final Duration receiveTimeout = Settings.seconds("receiveTimeout", 30);

    private final Fixtures fixtures = new Fixtures();
    /**
     * The JDK client reads all its WebSockets on one selector thread: with thousands of sockets that
     * thread, not the server, would decide when a frame "arrives". Several clients share the sockets.
     */
    private final List<HttpClient> webSockets = java.util.stream.IntStream.range(
                    0, Settings.integer("wsClients", Math.max(1, Math.min(16, sockets / 500))))
            .mapToObj(i -> HttpClient.newHttpClient())
            .toList();
    /** Where sockets connect: the gateway (as clients do), or e.g. notification-service itself to see the gateway's share. */
    private final String webSocketUrl =
            Settings.text("wsUrl", Settings.gatewayUrl().replaceFirst("^http", "ws"));

    private final AtomicInteger nextClient = new AtomicInteger();
    private final List<Api.User> followers = new CopyOnWriteArrayList<>();
    private final List<WebSocket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connected = new AtomicInteger();
    private final Map<String, Integer> closedBeforeEvent = new ConcurrentHashMap<>();
    private final Map<String, Integer> connectFailures = new ConcurrentHashMap<>();
    private final Queue<Long> sinceEventTime = new ConcurrentLinkedQueue<>();
    private final Queue<Long> sinceStartsAt = new ConcurrentLinkedQueue<>();
    private volatile Api.User creator;
    private volatile String productId;
    private volatile String dropId;
    private volatile Instant startsAt;

    private final HttpProtocolBuilder protocol = http.baseUrl(Settings.gatewayUrl())
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .shareConnections();

    private final Iterator<Map<String, Object>> followerFeeder = new Iterator<>() {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public boolean hasNext() {
            return next.get() < followers.size();
        }

        @Override
        public Map<String, Object> next() {
            return Map.of("token", followers.get(next.getAndIncrement()).token());
        }
    };

    private final ScenarioBuilder subscriber = scenario("subscriber")
            .feed(followerFeeder)
            .exec(http("GET /api/realtime/token")
                    .get("/api/realtime/token")
                    .header("Authorization", session -> "Bearer " + session.getString("token"))
                    .check(status().is(200))
                    .check(jsonPath("$.token").saveAs("realtimeToken")))
            .exec(this::connect);

    private final ScenarioBuilder dropper = scenario("creator starts a drop")
            .asLongAs(session -> connected.get() + failedToConnect() < sockets)
            .on(pause(Duration.ofMillis(100)))
            .exec(http("POST /api/drops")
                    .post("/api/drops")
                    .header("Authorization", session -> "Bearer " + creator.token())
                    .body(StringBody(this::dropRequest))
                    .check(status().is(201))
                    .check(jsonPath("$.id").saveAs("dropId")))
            .exec(session -> {
                dropId = session.getString("dropId");
                return session.set(
                        "deadline",
                        System.nanoTime() + startDelay.plus(receiveTimeout).toNanos());
            })
            .exec(asLongAs(session ->
                            sinceEventTime.size() < connected.get() && System.nanoTime() < session.getLong("deadline"))
                    .on(pause(Duration.ofMillis(100))));

    {
        Duration connectPhase = Duration.ofMillis(Math.max(1, sockets * 1000L / connectRate));
        setUp(
                        subscriber.injectOpen(constantUsersPerSec(connectRate).during(connectPhase)),
                        dropper.injectOpen(atOnceUsers(1)))
                .protocols(protocol);
    }

    private String dropRequest(Session session) {
        startsAt = Instant.now().plus(startDelay);
        return "{\"productId\":\"" + productId + "\",\"startsAt\":\"" + startsAt + "\",\"endsAt\":\""
                + startsAt.plus(Duration.ofHours(1)) + "\",\"initialStock\":100}";
    }

    private Session connect(Session session) {
        if (!session.contains("realtimeToken")) {
            connectFailures.merge("no realtime token", 1, Integer::sum);
            return session;
        }
        String url = webSocketUrl + "/ws?token="
                + URLEncoder.encode(session.getString("realtimeToken"), StandardCharsets.UTF_8);
        webSockets
                .get(Math.floorMod(nextClient.getAndIncrement(), webSockets.size()))
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), new DropStartedListener())
                .whenComplete((socket, error) -> {
                    if (error != null) {
                        connectFailures.merge(failureReason(error), 1, Integer::sum);
                    } else {
                        open.add(socket);
                        connected.incrementAndGet();
                    }
                });
        return session;
    }

    private int failedToConnect() {
        return connectFailures.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String failureReason(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
        String message = String.valueOf(cause.getMessage());
        return cause.getClass().getSimpleName() + ": " + message.substring(0, Math.min(80, message.length()));
    }

    /** Records the arrival of this drop's drop.started frame (frames may come in parts). */
    private final class DropStartedListener implements WebSocket.Listener {
        private final StringBuilder frame = new StringBuilder();
        private boolean received;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                long now = System.currentTimeMillis();
                String text = frame.toString();
                frame.setLength(0);
                onFrame(text, now);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            if (!received) {
                closedBeforeEvent.merge("close " + statusCode, 1, Integer::sum);
            }
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            if (!received) {
                closedBeforeEvent.merge(error.getClass().getSimpleName(), 1, Integer::sum);
            }
        }

        private void onFrame(String text, long receivedAt) {
            try {
                JsonNode event = Api.JSON.readTree(text);
                if (!received
                        && "drop.started".equals(event.path("type").asText())
                        && event.path("data").path("dropId").asText().equals(dropId)) {
                    received = true;
                    sinceEventTime.add(receivedAt
                            - Instant.parse(event.path("createdAt").asText()).toEpochMilli());
                    sinceStartsAt.add(receivedAt - startsAt.toEpochMilli());
                }
            } catch (Exception e) {
                // not a notification frame: ignored
            }
        }
    }

    @Override
    public void before() {
        creator = fixtures.creator();
        productId = fixtures.api().createProduct(creator, 1_000);
        followers.addAll(fixtures.registerUsers("follower", sockets));
        fixtures.inParallel(followers.size(), i -> followWithRetry(followers.get(i)));
        // notification-service learns the follows from follow.created before the sockets open
        Fixtures.sleep(Duration.ofSeconds(3));
        Fixtures.log("notifications: %,d sockets, drop starts %s after the last one opened", sockets, startDelay);
    }

    private int followWithRetry(Api.User follower) {
        // follower-service learns the creator from creator.created: 404 until then
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            int status = fixtures.api().follow(follower, creator.id()).status();
            if (status == 201 || status == 200) {
                return status;
            }
            if (status != 404 || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("follow answered " + status);
            }
            Fixtures.sleep(Duration.ofMillis(250));
        }
    }

    @Override
    public void after() {
        Checks.afterRun("notifications", checks -> {
            checks.fact("sockets requested", sockets);
            checks.fact("sockets open", connected.get());
            checks.fact("sockets failed to open", failedToConnect() + " " + connectFailures);
            checks.fact("drop", dropId + " startsAt " + startsAt);
            checks.fact("drop.started received", sinceEventTime.size());
            checks.fact("sockets ended before it", closedBeforeEvent);
            checks.fact("latency event time -> receipt", new Percentiles(sinceEventTime));
            checks.fact("latency startsAt -> receipt", new Percentiles(sinceStartsAt));
            checks.check(
                    "every open socket got drop.started",
                    sinceEventTime.size() == connected.get(),
                    sinceEventTime.size() + " of " + connected.get());
            checks.fact("target p99 <= 500 ms met", new Percentiles(sinceEventTime).at(99) <= 500 ? "yes" : "no");
            open.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        });
    }
}

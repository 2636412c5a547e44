package io.livedrop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway relays at most {@code GATEWAY_REALTIME_MAX_CONNECTIONS} realtime connections (WebSocket
 * and SSE together); one more is refused before its handshake with 503 and {@code Retry-After}, while
 * the API keeps answering; a connection that ends gives its place back.
 */
@TestPropertySource(properties = {"GATEWAY_REALTIME_MAX_CONNECTIONS=2", "GATEWAY_REALTIME_RETRY_AFTER=7s"})
class RealtimeConnectionLimitTests extends GatewayIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<WebSocket> sockets = new ArrayList<>();

    @BeforeEach
    void noConnectionOpen() {
        awaitOpenConnections(0);
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(WebSocket::abort);
        awaitOpenConnections(0);
    }

    @Test
    void theConnectionOverTheCapIsRefusedWith503AndRetryAfterWhileTheApiKeepsAnswering() throws Exception {
        open();
        open();
        double refusedBefore = refusedCount();

        Throwable refused = catchThrowable(this::open);
        assertThat(refused).hasCauseInstanceOf(WebSocketHandshakeException.class);
        var handshake = (WebSocketHandshakeException) refused.getCause();
        assertThat(handshake.getResponse().statusCode()).isEqualTo(503);
        assertThat(handshake.getResponse().headers().firstValue("Retry-After")).hasValue("7");

        var sse = gateway.get("/api/realtime/sse?token=" + realtimeToken()).send();
        assertThat(sse.status()).isEqualTo(503);
        assertThat(sse.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(sse.header("Retry-After")).isEqualTo("7");
        assertThat(sse.header("Content-Type")).startsWith("application/problem+json");

        assertThat(gateway.get("/api/drops/any").send().status()).isEqualTo(200);
        assertThat(refusedCount() - refusedBefore).isEqualTo(2);
    }

    @Test
    void aClosedSocketGivesItsPlaceBack() throws Exception {
        WebSocket first = open();
        open();

        first.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        awaitOpenConnections(1);

        assertThat(open().isOutputClosed()).isFalse();
    }

    @Test
    void endedStreamsEndedSocketsAndFailedHandshakesGiveTheirPlacesBack() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(sseStatus()).isEqualTo(200);
            awaitOpenConnections(0);
            sockets.add(http.newWebSocketBuilder()
                    .header(StubRealtimeSocket.CLOSE, "1013")
                    .buildAsync(realtimeUrl(), new WebSocket.Listener() {})
                    .get(10, TimeUnit.SECONDS));
            awaitOpenConnections(0);
            // an upgrade without a key: the handshake fails, on a connection kept open
            try (Socket raw = new Socket("127.0.0.1", port)) {
                assertThat(handshakeWithoutKey(raw)).startsWith("HTTP/1.1 400");
                awaitOpenConnections(0);
            }
        }

        open();
        open();
        assertThat(openConnections()).isEqualTo(2);
    }

    private WebSocket open() throws Exception {
        WebSocket socket = http.newWebSocketBuilder()
                .buildAsync(realtimeUrl(), new WebSocket.Listener() {})
                .get(10, TimeUnit.SECONDS);
        sockets.add(socket);
        return socket;
    }

    private URI realtimeUrl() {
        return URI.create("ws://127.0.0.1:" + port + "/ws?token=" + realtimeToken());
    }

    private String realtimeToken() {
        return tokens.realtimeToken("limit-user");
    }

    private void awaitOpenConnections(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> openConnections() == count);
    }

    private double openConnections() {
        return meters.get("livedrop.gateway.realtime.connections").gauge().value();
    }

    private double refusedCount() {
        return meters.get("livedrop.gateway.realtime.refused").counter().count();
    }

    private String handshakeWithoutKey(Socket raw) throws IOException {
        String request = "GET /ws?token=" + realtimeToken() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n";
        raw.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        raw.getOutputStream().flush();
        return new BufferedReader(new InputStreamReader(raw.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }

    private int sseStatus() {
        return gateway.get("/api/realtime/sse?token=" + realtimeToken()).send().status();
    }
}

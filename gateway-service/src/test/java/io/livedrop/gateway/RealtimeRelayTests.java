package io.livedrop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The realtime WebSocket through the gateway: frames are relayed, and the service's close code reaches
 * the client as the service sent it, 1012 and 1013 included (the library's relay turned them into
 * 1002); a service that vanishes without a close frame is a 1012 for the client, so it reconnects,
 * and one that cannot be reached a 1013.
 */
class RealtimeRelayTests extends GatewayIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1011, 1012, 1013, 4401, 4429})
    void theServicesCloseCodeAndReasonReachTheClientUnchanged(int code) throws Exception {
        Received received = connect(String.valueOf(code), "reason " + code);

        assertThat(received.frames()).containsExactly("hello");
        assertThat(received.closeCode()).isEqualTo(code);
        assertThat(received.closeReason()).isEqualTo("reason " + code);
    }

    @Test
    void aServiceThatVanishesWithoutACloseFrameTellsTheClientToReconnect() throws Exception {
        Received received = connect("drop", null);

        assertThat(received.frames()).containsExactly("hello");
        assertThat(received.closeCode()).isEqualTo(1012);
    }

    @Test
    void aServiceThatCannotBeReachedIsATryAgainLater() throws Exception {
        Received received = connect(StubRealtimeSocket.REFUSE, "yes", null);

        assertThat(received.frames()).isEmpty();
        assertThat(received.closeCode()).isEqualTo(1013);
    }

    private Received connect(String close, String reason) throws Exception {
        return connect(StubRealtimeSocket.CLOSE, close, reason);
    }

    private Received connect(String header, String value, String reason) throws Exception {
        Listener listener = new Listener();
        WebSocket.Builder builder = http.newWebSocketBuilder().header(header, value);
        if (reason != null) {
            builder.header(StubRealtimeSocket.CLOSE_REASON, reason);
        }
        builder.buildAsync(
                        URI.create("ws://127.0.0.1:" + port + "/ws?token=" + tokens.realtimeToken("relay-user")),
                        listener)
                .get(10, TimeUnit.SECONDS);
        return listener.closed.get(10, TimeUnit.SECONDS);
    }

    record Received(List<String> frames, int closeCode, String closeReason) {}

    private static final class Listener implements WebSocket.Listener {
        private final List<String> frames = new CopyOnWriteArrayList<>();
        private final StringBuilder frame = new StringBuilder();
        private final CompletableFuture<Received> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                frames.add(frame.toString());
                frame.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(new Received(List.copyOf(frames), statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}

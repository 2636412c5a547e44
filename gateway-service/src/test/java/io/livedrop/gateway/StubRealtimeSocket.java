package io.livedrop.gateway;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in for notification-service's realtime WebSocket ({@code /ws}): it sends one text frame
 * ({@code hello}), then ends the socket as the request header {@code X-Stub-Close} asks:
 * a close code (and {@code X-Stub-Close-Reason}), or {@code drop} to cut the connection without a close
 * frame, as a crashed instance would. Without the header the socket stays open. With {@code
 * X-Stub-Refuse} the handshake is answered 503, as by a service that is not up.
 */
final class StubRealtimeSocket {

    static final String CLOSE = "X-Stub-Close";
    static final String CLOSE_REASON = "X-Stub-Close-Reason";
    static final String REFUSE = "X-Stub-Refuse";

    private final DisposableServer server;

    private StubRealtimeSocket() {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.route(
                                request -> request.uri().startsWith("/ws")
                                        && request.requestHeaders().contains(REFUSE),
                                (request, response) -> response.status(503).send())
                        .ws("/ws", (in, out) -> {
                            String close = in.headers().get(CLOSE);
                            String reason = in.headers().get(CLOSE_REASON);
                            Mono<Void> hello =
                                    out.sendString(Mono.just("hello")).then();
                            if (close == null) {
                                return hello.then(Mono.never());
                            }
                            if (close.equals("drop")) {
                                return hello.then(Mono.fromRunnable(() -> out.withConnection(
                                                c -> c.channel().close())))
                                        .then(Mono.never());
                            }
                            return hello.then(out.sendClose(Integer.parseInt(close), reason));
                        }))
                .bindNow();
    }

    static StubRealtimeSocket start() {
        return new StubRealtimeSocket();
    }

    String url() {
        return "ws://127.0.0.1:" + server.port();
    }
}

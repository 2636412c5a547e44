package io.livedrop.gateway.realtime.web;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.isAlreadyRouted;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.setAlreadyRouted;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.WebsocketRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.WebSocketClient;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Relays the WebSocket routes ({@code ws://} URIs: the realtime stream {@code /ws}) to their service
 * and passes the service's close code on to the client unchanged.
 *
 * <p>Why not Spring Cloud Gateway's own {@link WebsocketRoutingFilter}: it turns 1012 (Service Restart)
 * and 1013 (Try Again Later) into 1002 (protocol error), as its list of sendable codes predates IANA's
 * registration of 1012–1014. notification-service uses exactly those two to tell a client to reconnect
 * with its last id (docs/services/notification-service.md), so through the library a client saw a
 * protocol error instead. This filter runs just before the library's, marks the exchange routed, and
 * otherwise relays as the library does: the same header filters, sub-protocols and two pipes; the
 * close is sent after the last relayed frame.
 */
@Component
class WebSocketRelayFilter implements GlobalFilter, Ordered {

    /** 1013 Try Again Later, as notification-service says it when it cannot take a connection yet. */
    static final CloseStatus SERVICE_UNAVAILABLE =
            CloseStatus.SERVICE_OVERLOAD.withReason("Realtime service unavailable; reconnect shortly with lastEventId");

    /** How long the relay waits for a side's close status once its frames have stopped. */
    private static final Duration CLOSE_STATUS_WAIT = Duration.ofSeconds(5);

    private final WebSocketClient upstreams;
    private final WebSocketService handshakes;
    private final ObjectProvider<List<HttpHeadersFilter>> headersFilters;

    WebSocketRelayFilter(
            WebSocketClient upstreams,
            WebSocketService handshakes,
            ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
        this.upstreams = upstreams;
        this.handshakes = handshakes;
        this.headersFilters = headersFilters;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 2; // the library's WebsocketRoutingFilter is LOWEST_PRECEDENCE - 1
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI url = exchange.getRequiredAttribute(GATEWAY_REQUEST_URL_ATTR);
        String scheme = url.getScheme();
        if (isAlreadyRouted(exchange) || !("ws".equals(scheme) || "wss".equals(scheme))) {
            return chain.filter(exchange);
        }
        setAlreadyRouted(exchange);
        HttpHeaders requestHeaders = exchange.getRequest().getHeaders();
        return handshakes.handleRequest(
                exchange, new Relay(url, upstreamHeaders(exchange), subProtocols(requestHeaders)));
    }

    /** The request's headers through the route's header filters, without Host and the handshake's own. */
    private HttpHeaders upstreamHeaders(ServerWebExchange exchange) {
        HttpHeaders filtered = HttpHeadersFilter.filterRequest(headersFilters.getIfAvailable(ArrayList::new), exchange);
        HttpHeaders upstream = new HttpHeaders();
        filtered.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("host") && !lower.startsWith("sec-websocket")) {
                upstream.addAll(name, values);
            }
        });
        return upstream;
    }

    private static List<String> subProtocols(HttpHeaders headers) {
        List<String> protocols = new ArrayList<>();
        for (String header : headers.getOrEmpty(WebsocketRoutingFilter.SEC_WEBSOCKET_PROTOCOL)) {
            protocols.addAll(List.of(StringUtils.tokenizeToStringArray(header, ",")));
        }
        return protocols;
    }

    /**
     * The close code to send on: every code a close frame may carry (RFC 6455 §7.4.1 and IANA's
     * 1012–1014, private 3000–4999) as it came. A peer gone without a close frame (1006) is the
     * service going away under the client: 1012, so the client reconnects (to another instance) with
     * its last id. A close frame without a code (1005) is a normal close; anything else a code that
     * must not be sent, hence 1002. Netty's check is the one its close frames enforce; within
     * CloseStatus's 1000–4999 it admits exactly the codes above.
     */
    static CloseStatus forwardable(CloseStatus status) {
        int code = status.getCode();
        if (WebSocketCloseStatus.isValidStatusCode(code)) {
            return status;
        }
        return switch (code) {
            case 1005 -> CloseStatus.NORMAL;
            case 1006 -> CloseStatus.SERVICE_RESTARTED;
            default -> CloseStatus.PROTOCOL_ERROR;
        };
    }

    /** One client socket: opens the service's socket and pipes frames and the close both ways. */
    private final class Relay implements WebSocketHandler {

        private final URI url;
        private final HttpHeaders headers;
        private final List<String> subProtocols;

        Relay(URI url, HttpHeaders headers, List<String> subProtocols) {
            this.url = url;
            this.headers = headers;
            this.subProtocols = subProtocols;
        }

        @Override
        public List<String> getSubProtocols() {
            return subProtocols;
        }

        /**
         * Ends when the relay has ended, not when the service's connection has: the client's socket
         * closes (without a code) as soon as this returns, which must not overtake the last frames and
         * the close the relay still sends.
         */
        @Override
        public Mono<Void> handle(WebSocketSession client) {
            Sinks.Empty<Void> relayEnded = Sinks.empty();
            return upstreams
                    .execute(url, headers, new WebSocketHandler() {
                        @Override
                        public List<String> getSubProtocols() {
                            return subProtocols;
                        }

                        @Override
                        public Mono<Void> handle(WebSocketSession service) {
                            return pipe(client, service).doFinally(signal -> relayEnded.tryEmitEmpty());
                        }
                    })
                    .then(relayEnded.asMono())
                    .onErrorResume(unreachable -> client.close(SERVICE_UNAVAILABLE));
        }
    }

    /**
     * Frames both ways; when one side has ended and its last frame is relayed, the other side is
     * closed with its close status. The close is part of the relayed stream: a stream that completes
     * makes Reactor Netty close that socket at once, without a code. Close statuses are watched from
     * the start: read only after the end, a session reports none.
     */
    private static Mono<Void> pipe(WebSocketSession client, WebSocketSession service) {
        Mono<CloseStatus> clientStatus = watchedCloseStatus(client);
        Mono<CloseStatus> serviceStatus = watchedCloseStatus(service);
        // the client's frames keep being read when the service's socket has ended: cancelling a
        // Reactor Netty receive closes that socket at once, without a code, ahead of the service's close
        Flux<WebSocketMessage> fromClient = relayed(client).publish().autoConnect();
        Mono<Void> toService = service.send(fromClient.concatWith(close(service, clientStatus)));
        Mono<Void> toClient = client.send(relayed(service).concatWith(close(client, serviceStatus)));
        // when, not zip: zip of two empty Monos ends (and cancels the other) as soon as one ends
        return Mono.when(toService.onErrorComplete(), toClient.onErrorComplete());
    }

    /** retain: Reactor Netty releases a frame's buffer once read, and the other side sends it later. */
    private static Flux<WebSocketMessage> relayed(WebSocketSession from) {
        return from.receive().doOnNext(WebSocketMessage::retain);
    }

    /** No close status at all is a peer gone without a close frame. */
    private static Mono<CloseStatus> watchedCloseStatus(WebSocketSession session) {
        Mono<CloseStatus> status =
                session.closeStatus().defaultIfEmpty(CloseStatus.NO_CLOSE_FRAME).cache();
        status.subscribe();
        return status;
    }

    private static Mono<WebSocketMessage> close(WebSocketSession other, Mono<CloseStatus> endedWith) {
        return endedWith
                .timeout(CLOSE_STATUS_WAIT, Mono.just(CloseStatus.NO_CLOSE_FRAME))
                .filter(status -> other.isOpen())
                .map(WebSocketRelayFilter::forwardable)
                .flatMap(other::close)
                .then(Mono.empty());
    }
}

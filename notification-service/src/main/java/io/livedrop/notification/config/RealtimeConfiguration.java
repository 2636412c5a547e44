package io.livedrop.notification.config;

import io.livedrop.common.security.ServiceAuthorizationRules;
import io.livedrop.notification.delivery.application.RealtimeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The realtime endpoints: {@code /ws} (plain WebSocket) and {@code /api/realtime/sse}. Both
 * authenticate with the realtime token in {@code ?token=} themselves, so the shared security chain
 * lets them through without a bearer token (an access token is no use there, see RealtimeTokenService).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RealtimeConfiguration implements WebSocketConfigurer {

    private final WebSocketHandler handler;
    private final HandshakeInterceptor authentication;
    private final RealtimeProperties properties;

    RealtimeConfiguration(
            WebSocketHandler realtimeWebSocketHandler,
            HandshakeInterceptor realtimeHandshakeInterceptor,
            RealtimeProperties properties) {
        this.handler = realtimeWebSocketHandler;
        this.authentication = realtimeHandshakeInterceptor;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws")
                .addInterceptors(authentication)
                .setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
    }

    /** Clients send nothing but pongs: small receive buffers keep 10,000 sessions cheap. */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        var container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(4096);
        container.setMaxBinaryMessageBufferSize(4096);
        // liveness is ours (pings and pong timeout), not an idle timer's
        container.setMaxSessionIdleTimeout(0L);
        container.setAsyncSendTimeout(properties.sendTimeLimit().toMillis());
        return container;
    }

    @Bean
    ServiceAuthorizationRules realtimeEndpointsCheckTheirOwnToken() {
        return rules -> rules.requestMatchers("/ws", "/api/realtime/sse").permitAll();
    }
}

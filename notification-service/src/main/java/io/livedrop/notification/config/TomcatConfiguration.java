package io.livedrop.notification.config;

import io.livedrop.notification.delivery.messaging.NotificationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Socket tuning for many long-lived connections. {@code NOTIFICATION_SOCKET_SEND_BUFFER} (bytes, 0 =
 * the kernel's autotuning) caps the kernel send buffer per connection: with 10,000 sockets the
 * autotuned buffers of slow readers add up, and a small buffer makes a client that stops reading
 * show up as "fell behind" after kilobytes instead of megabytes.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    @Bean
    TomcatConnectorCustomizer socketSendBuffer(NotificationProperties properties) {
        int bytes = properties.socketSendBuffer();
        return connector -> {
            if (bytes > 0) {
                connector.setProperty("socket.txBufSize", Integer.toString(bytes));
            }
        };
    }
}

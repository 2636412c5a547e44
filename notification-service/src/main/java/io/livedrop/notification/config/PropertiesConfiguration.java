package io.livedrop.notification.config;

import io.livedrop.notification.delivery.application.RealtimeProperties;
import io.livedrop.notification.delivery.application.TailerProperties;
import io.livedrop.notification.delivery.messaging.NotificationProperties;
import io.livedrop.notification.inbox.application.RetentionProperties;
import io.livedrop.notification.queue.application.QueueProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The {@code livedrop.notification} settings, each bound next to the code that reads it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    NotificationProperties.class,
    RealtimeProperties.class,
    TailerProperties.class,
    QueueProperties.class,
    RetentionProperties.class
})
class PropertiesConfiguration {}

package io.livedrop.notification.delivery.messaging;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What is particular to this instance of notification-service. The rest of
 * {@code livedrop.notification} is bound where it is read: {@code RealtimeProperties} and
 * {@code TailerProperties} (delivery), {@code QueueProperties} (queue), {@code RetentionProperties}
 * (inbox).
 *
 * @param instanceId this instance's stable, unique name: part of its own Kafka consumer group, so
 *     every instance receives every event and resumes from its own offsets after a restart
 * @param consumerGroup the Kafka consumer group of this instance (derived from the instance id), read
 *     by the listeners' {@code groupId}
 * @param socketSendBuffer kernel send buffer per connection in bytes, 0 = the kernel's autotuning
 */
@Validated
@ConfigurationProperties("livedrop.notification")
public record NotificationProperties(
        @DefaultValue("local") @NotBlank String instanceId,

        @DefaultValue("notification-service-local") @NotBlank
        String consumerGroup,

        @DefaultValue("0") @Min(0) int socketSendBuffer) {}

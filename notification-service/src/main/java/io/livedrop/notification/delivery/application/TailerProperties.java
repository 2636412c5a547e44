package io.livedrop.notification.delivery.application;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The reader that turns stored notifications into frames for the open connections
 * ({@code livedrop.notification.tailer}).
 *
 * @param pollInterval the tailer also looks for new rows this often without being woken (rows
 *     stored by another instance whose event this instance has not consumed yet)
 * @param batchSize rows read per query
 */
@Validated
@ConfigurationProperties("livedrop.notification.tailer")
public record TailerProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("500") @Min(1) int batchSize) {}

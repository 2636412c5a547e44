package io.livedrop.notification.queue.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The waiting room's live-only frames ({@code livedrop.notification.queue}).
 *
 * @param positionInterval a ticket gets at most one {@code queue.position} frame this often (API.md:
 *     at most once a second); a newer position that comes sooner goes out when the interval is over
 *     (the newest one, the others are skipped). {@code queue.admitted} is never held back.
 */
@Validated
@ConfigurationProperties("livedrop.notification.queue")
public record QueueProperties(@DefaultValue("1s") Duration positionInterval) {}

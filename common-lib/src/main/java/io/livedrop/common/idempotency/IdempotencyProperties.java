package io.livedrop.common.idempotency;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param lease how long an in-flight attempt owns its key; must exceed the longest request (remote
 *     timeouts included). After it, the attempt counts as abandoned (its process died) and the next
 *     request with the same key takes it over instead of getting 409 forever
 * @param retention how long completed responses are kept for replay (API.md: at least 24 h)
 * @param purgeInterval how often expired records are deleted
 */
@Validated
@ConfigurationProperties("livedrop.idempotency")
public record IdempotencyProperties(
        @NotNull @DefaultValue("30s") Duration lease,
        @NotNull @DefaultValue("24h") Duration retention,
        @NotNull @DefaultValue("10m") Duration purgeInterval) {}

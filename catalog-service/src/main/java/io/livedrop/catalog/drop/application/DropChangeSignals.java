package io.livedrop.catalog.drop.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the gateway's GraphQL subscriptions ({@code dropUpdates}) that a drop changed: after the change
 * committed and the cache entry was evicted, the drop's public JSON (as {@code GET /api/drops/{id}}
 * shows it, read fresh by this instance) is published on the Redis channel {@code
 * <prefix>drop-updates:<dropId>}, which every gateway instance listens to. Fire and forget: a lost
 * message only delays a subscriber until the next change (stock reports repeat while a drop sells);
 * a failure is counted ({@code livedrop.catalog.drop.signals.failed}) and never fails the change.
 */
@Component
public class DropChangeSignals {

    private static final Logger log = LoggerFactory.getLogger(DropChangeSignals.class);

    private final StringRedisTemplate redis;
    private final String channelPrefix;
    private final ObjectProvider<DropService> drops;
    private final Counter failures;

    DropChangeSignals(
            StringRedisTemplate redis,
            @Value("${livedrop.redis.key-prefix}") String keyPrefix,
            ObjectProvider<DropService> drops,
            MeterRegistry meters) {
        this.redis = redis;
        this.channelPrefix = keyPrefix + "drop-updates:";
        this.drops = drops;
        this.failures = Counter.builder("livedrop.catalog.drop.signals.failed")
                .description("Drop changes not announced to the GraphQL subscriptions (Redis failed)")
                .register(meters);
    }

    /** Call after the change committed and the drops' cache entries were evicted. */
    public void changed(Collection<String> dropIds) {
        for (String dropId : dropIds) {
            try {
                byte[] json = drops.getObject().json(UUID.fromString(dropId)).json();
                redis.convertAndSend(channelPrefix + dropId, new String(json, StandardCharsets.UTF_8));
            } catch (RuntimeException failure) {
                failures.increment();
                log.debug("Drop {} changed but the signal was not published: {}", dropId, failure.toString());
            }
        }
    }
}

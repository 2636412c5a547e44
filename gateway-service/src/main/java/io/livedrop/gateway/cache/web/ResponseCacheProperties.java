package io.livedrop.gateway.cache.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The edge cache of public reads ({@link PublicResponseCache}).
 *
 * @param enabled whether the gateway answers public reads from memory
 * @param maxEntries how many answers it keeps (least recently used go first)
 * @param maxAge the longest it keeps one, whatever the service's {@code max-age} says
 */
@ConfigurationProperties("livedrop.gateway.response-cache")
public record ResponseCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10000") long maxEntries,
        @DefaultValue("5s") Duration maxAge) {}

package io.livedrop.gateway.realtime.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many realtime connections ({@code /ws}, {@code /api/realtime/sse}) the gateway relays at once.
 *
 * @param routes the route ids whose connections count (the realtime ones)
 * @param maxConnections the cap; 0 = as many as the process's open-files limit allows (each relayed
 *     connection holds two descriptors: the client's and the service's) after {@code reservedFiles},
 *     which also bounds a configured cap
 * @param reservedFiles descriptors a derived cap leaves for everything else (API calls, their
 *     upstream connections, Redis, jars, logs)
 * @param retryAfter what a refused connection is told to wait ({@code Retry-After}, whole seconds)
 */
@Validated
@ConfigurationProperties("livedrop.gateway.realtime")
record RealtimeConnectionProperties(
        @DefaultValue({"realtime-websocket", "realtime-sse"})
        Set<String> routes,

        @Min(0) @DefaultValue("0") int maxConnections,
        @Min(0) @DefaultValue("2000") int reservedFiles,
        @NotNull @DefaultValue("5s") Duration retryAfter) {

    /**
     * The cap in force, given the process's open-files limit (negative when unknown): the configured
     * one, but never more than the descriptors allow.
     */
    int maxConnections(long openFilesLimit) {
        int configured = maxConnections > 0 ? maxConnections : Integer.MAX_VALUE;
        if (openFilesLimit < 0) {
            return configured;
        }
        return Math.min(configured, Math.clamp((openFilesLimit - reservedFiles) / 2, 1, Integer.MAX_VALUE));
    }
}

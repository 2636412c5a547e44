package io.livedrop.notification.delivery.application;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * WebSocket and SSE connections ({@code livedrop.notification.realtime}).
 *
 * @param pingInterval how often a WebSocket is pinged (API.md: at most 30 s)
 * @param pongTimeout a WebSocket that answered no ping for this long is closed as dead
 * @param sseHeartbeat how often an SSE stream gets a comment line (keeps proxies from closing it)
 * @param maxQueuedFrames frames a connection may have waiting; a connection that falls further
 *     behind is closed and resumes later with its last event id
 * @param sendTimeLimit a single write blocked longer than this marks the client as too slow
 * @param sendBufferLimit bytes Spring's session decorator may buffer for a WebSocket
 * @param replayPageSize rows read per query while replaying after a lastEventId
 * @param shutdownGrace how long a shutdown waits for connections to take their reconnect signal
 * @param sseReconnectDelay the {@code retry:} an SSE client waits before reconnecting
 * @param allowedOrigins browser origins allowed to open the WebSocket (the token, not a cookie,
 *     authenticates, so any origin is safe by default)
 * @param maxConcurrentSetups set-up queries (follows, replay pages) that may run at once; the
 *     others wait their turn, so a reconnect storm cannot drain the database pool
 * @param setupPatience how long a set-up may wait for its turn and retry a busy database before the
 *     connection is closed as "try again later" (WebSocket 1013)
 * @param maxStreamsPerUser open streams (WebSocket and SSE together) one user may have on this
 *     instance; a further one closes the user's oldest (WebSocket 4429, SSE {@code event: closed})
 */
@Validated
@ConfigurationProperties("livedrop.notification.realtime")
public record RealtimeProperties(
        @DefaultValue("25s") Duration pingInterval,
        @DefaultValue("75s") Duration pongTimeout,
        @DefaultValue("15s") Duration sseHeartbeat,
        @DefaultValue("256") @Min(1) int maxQueuedFrames,
        @DefaultValue("10s") Duration sendTimeLimit,
        @DefaultValue("524288") @Min(1024) int sendBufferLimit,
        @DefaultValue("200") @Min(1) int replayPageSize,
        @DefaultValue("5s") Duration shutdownGrace,
        @DefaultValue("2s") Duration sseReconnectDelay,
        @DefaultValue("*") @NotEmpty List<String> allowedOrigins,
        @DefaultValue("4") @Min(1) int maxConcurrentSetups,
        @DefaultValue("30s") Duration setupPatience,
        @DefaultValue("5") @Min(1) int maxStreamsPerUser) {}

package io.livedrop.notification.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What is particular to notification-service.
 *
 * @param instanceId this instance's stable, unique name: part of its own Kafka consumer group, so
 *     every instance receives every event and resumes from its own offsets after a restart
 * @param consumerGroup the Kafka consumer group of this instance (derived from the instance id)
 * @param realtime WebSocket and SSE connections
 * @param tailer the reader that turns stored notifications into frames for the open connections
 * @param queue the waiting room's live-only frames
 * @param retention how long stored rows are kept
 * @param socketSendBuffer kernel send buffer per connection in bytes, 0 = the kernel's autotuning
 */
@Validated
@ConfigurationProperties("livedrop.notification")
public record NotificationProperties(
        @DefaultValue("local") @NotBlank String instanceId,

        @DefaultValue("notification-service-local") @NotBlank
        String consumerGroup,

        @DefaultValue @Valid Realtime realtime,
        @DefaultValue @Valid Tailer tailer,
        @DefaultValue @Valid Queue queue,
        @DefaultValue @Valid Retention retention,
        @DefaultValue("0") @Min(0) int socketSendBuffer) {

    /**
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
    public record Realtime(
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

    /**
     * @param pollInterval the tailer also looks for new rows this often without being woken (rows
     *     stored by another instance whose event this instance has not consumed yet)
     * @param batchSize rows read per query
     */
    public record Tailer(
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("500") @Min(1) int batchSize) {}

    /**
     * @param positionInterval a ticket gets at most one {@code queue.position} frame this often (API.md:
     *     at most once a second); a newer position that comes sooner goes out when the interval is over
     *     (the newest one, the others are skipped). {@code queue.admitted} is never held back.
     */
    public record Queue(@DefaultValue("1s") Duration positionInterval) {}

    /**
     * @param notifications age after which notifications are deleted
     * @param followTombstones age after which unfollow tombstones are deleted
     * @param pendingBroadcasts age after which stock.low / sold_out waiting for an unknown drop are dropped
     * @param housekeepingInterval how often the purge runs
     */
    public record Retention(
            @DefaultValue("90d") Duration notifications,
            @DefaultValue("7d") Duration followTombstones,
            @DefaultValue("1d") Duration pendingBroadcasts,
            @DefaultValue("1m") Duration housekeepingInterval) {}
}

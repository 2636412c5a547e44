package io.livedrop.notification.delivery.application;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Once a second, every open connection gets its {@link RealtimeConnection#tick}: pings and SSE
 * comments when due (each connection keeps its own schedule), and the checks that close clients
 * whose token has expired, whose writes are stuck or that stopped answering. The tick only inspects
 * and enqueues; writes happen on the connections' own writers.
 *
 * <p>Part of delivery, not housekeeping, so it has its own thread rather than {@code @Scheduled}
 * (the fleet's style for periodic housekeeping, e.g. {@code HousekeepingScheduler}): Spring runs
 * every fixed-delay {@code @Scheduled} task on ONE scheduler thread, so a slow purge would hold back
 * pings, token-expiry closes and the detection of stuck writers, which must happen within about a
 * second of being due (the send time limit and pong timeout are counted from them).
 */
@Component
class Heartbeats implements SmartLifecycle {

    private final ConnectionRegistry registry;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    Heartbeats(ConnectionRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    void tickAll() {
        long nowNanos = System.nanoTime();
        Instant now = clock.instant();
        for (RealtimeConnection connection : registry.all()) {
            connection.tick(nowNanos, now);
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("realtime-heartbeats").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::tickAll, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}

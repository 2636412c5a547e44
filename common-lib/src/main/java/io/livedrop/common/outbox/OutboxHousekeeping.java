package io.livedrop.common.outbox;

import io.livedrop.common.messaging.ProcessedEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the outbox observable and small: backlog gauges for dashboards and alerts, and purging of
 * sent rows and of old consumer dedupe claims.
 */
public class OutboxHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxHousekeeping.class);
    private static final Duration DEDUPE_RETENTION = Duration.ofDays(8);

    private final JdbcClient jdbc;
    private final ProcessedEvents processedEvents;
    private final Duration retention;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private ScheduledExecutorService scheduler;

    public OutboxHousekeeping(
            JdbcClient jdbc, ProcessedEvents processedEvents, Duration retention, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.processedEvents = processedEvents;
        this.retention = retention;
        Gauge.builder("livedrop.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox events not yet acknowledged by Kafka")
                .register(meters);
        Gauge.builder("livedrop.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest unsent outbox event")
                .baseUnit("seconds")
                .register(meters);
    }

    void measureBacklog() {
        jdbc.sql("""
                select count(*) as pending,
                       coalesce(extract(epoch from now() - min(created_at)), 0)::bigint as oldest
                from outbox_event where sent_at is null
                """)
                .query((rs, n) -> {
                    backlog.set(rs.getLong("pending"));
                    oldestAgeSeconds.set(rs.getLong("oldest"));
                    return null;
                })
                .list();
    }

    void purge() {
        int purged = jdbc.sql("""
                delete from outbox_event where id in (
                  select id from outbox_event
                  where sent_at < now() - make_interval(secs => :seconds)
                  limit 10000)
                """).param("seconds", retention.toSeconds()).update();
        int forgotten = processedEvents.purgeOlderThan(DEDUPE_RETENTION);
        if (purged + forgotten > 0) {
            log.debug("Purged {} sent outbox rows and {} dedupe claims", purged, forgotten);
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("outbox-housekeeping").daemon().factory());
        scheduler.scheduleWithFixedDelay(() -> safely(this::measureBacklog), 0, 5, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(() -> safely(this::purge), 1, 10, TimeUnit.MINUTES);
    }

    private static void safely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Outbox housekeeping failed: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}

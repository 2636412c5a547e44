package io.livedrop.catalog.drop.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link DropLifecycleService} on its own thread: it sleeps until the next due start or end (at most
 * {@code pollInterval}, which also catches drops scheduled by other instances) and is woken at once
 * when this instance creates or reschedules a drop.
 */
public class DropLifecycleScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DropLifecycleScheduler.class);
    /** When a due drop is held by another instance, look again soon, but do not spin. */
    private static final long MIN_SLEEP_MILLIS = 20;

    private final DropLifecycleService lifecycle;
    private final LifecycleProperties properties;
    private final Clock clock;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public DropLifecycleScheduler(DropLifecycleService lifecycle, LifecycleProperties properties, Clock clock) {
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
    }

    /** A drop was created or rescheduled: its start may be sooner than the next planned look. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void loop() {
        while (running) {
            try {
                lifecycle.fireDue();
                wakeUps.tryAcquire(sleepMillis(lifecycle.nextDue()), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Drop lifecycle pass failed, retrying: {}", e.getMessage());
                sleepQuietly(properties.pollInterval());
            }
        }
    }

    private long sleepMillis(Instant nextDue) {
        long poll = properties.pollInterval().toMillis();
        if (nextDue == null) {
            return poll;
        }
        long untilDue = Duration.between(clock.instant(), nextDue).toMillis();
        return Math.max(MIN_SLEEP_MILLIS, Math.min(poll, untilDue));
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("drop-lifecycle").daemon().start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            wakeUp(); // not an interrupt: that could break a JDBC call in flight
            try {
                worker.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

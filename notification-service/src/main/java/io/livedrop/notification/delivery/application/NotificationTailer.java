package io.livedrop.notification.delivery.application;

import io.livedrop.notification.inbox.domain.NotificationsStored;
import io.livedrop.notification.inbox.domain.StoredNotification;
import io.livedrop.notification.inbox.persistence.NotificationRepository;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows the notification log of the database in id order and hands each committed notification
 * to this instance's connections. Because ids are commit-ordered, "everything after the last id I
 * read" never skips a late commit, and every connection receives its frames in id order whichever
 * instance stored them.
 *
 * <p>The Kafka listener wakes it right after each batch commits; it also looks on its own every
 * poll interval (for rows stored by another instance from an event this one has not read yet).
 * Starts before the web server (so a connection never registers before the tailer knows where it
 * stands) and stops after it.
 */
@Component
public class NotificationTailer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationTailer.class);

    private final NotificationRepository notifications;
    private final Frames frames;
    private final ConnectionRegistry registry;
    private final TailerProperties settings;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile long position;
    private Thread thread;

    NotificationTailer(
            NotificationRepository notifications,
            Frames frames,
            ConnectionRegistry registry,
            TailerProperties settings) {
        this.notifications = notifications;
        this.frames = frames;
        this.registry = registry;
        this.settings = settings;
    }

    /** Something was committed: look now. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Notifications were committed outside the listener's batches (housekeeping): look now. */
    @EventListener
    void onStored(NotificationsStored stored) {
        wakeUp();
    }

    /** The id of the last notification dispatched. */
    public long position() {
        return position;
    }

    @Override
    public void start() {
        position = notifications.head();
        running = true;
        thread = Thread.ofPlatform().name("notification-tailer").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // before WebServerStartStopLifecycle (DEFAULT_PHASE - 2048): started earlier, stopped later
        return DEFAULT_PHASE - 4096;
    }

    private void run() {
        while (running) {
            try {
                wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                dispatchNew();
            } catch (InterruptedException stopping) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException failed) {
                log.warn("Reading new notifications failed, retrying: {}", failed.toString());
                pause();
            }
        }
    }

    private void dispatchNew() {
        while (running) {
            List<StoredNotification> batch = notifications.readAfter(position, settings.batchSize());
            for (StoredNotification notification : batch) {
                if (registry.hasListeners(notification.audience(), notification.recipient())) {
                    registry.dispatch(frames.of(notification));
                }
                position = notification.id();
            }
            if (batch.size() < settings.batchSize()) {
                return;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

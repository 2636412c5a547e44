package io.livedrop.notification.delivery.application;

import io.livedrop.notification.delivery.domain.CloseReason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Opens the realtime endpoints once everything else runs and, on shutdown, closes every connection
 * with a reconnect signal (WebSocket close 1012 Service Restart, SSE {@code event: reconnect})
 * BEFORE the web server's graceful shutdown starts waiting for requests: open streams would
 * otherwise hold it for the whole grace period, and clients would find out only when the socket
 * dies. Clients reconnect — to another instance behind the load balancer — with their last id.
 */
@Component
public class RealtimeGate implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RealtimeGate.class);

    private final ConnectionRegistry registry;
    private final Duration grace;
    private volatile boolean accepting;

    RealtimeGate(ConnectionRegistry registry, RealtimeProperties settings) {
        this.registry = registry;
        this.grace = settings.shutdownGrace();
    }

    /** Whether new connections are taken (false while starting and once shutting down). */
    public boolean accepting() {
        return accepting;
    }

    @Override
    public void start() {
        accepting = true;
    }

    @Override
    public void stop() {
        accepting = false;
        List<RealtimeConnection> open = registry.all();
        if (open.isEmpty()) {
            return;
        }
        log.info("Closing {} realtime connections with a reconnect signal", open.size());
        open.forEach(connection -> connection.close(CloseReason.RESTART));
        try {
            CompletableFuture.allOf(
                            open.stream().map(RealtimeConnection::terminated).toArray(CompletableFuture[]::new))
                    .get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            log.warn("Some realtime connections did not close within {}", grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException unexpected) {
            log.warn("Closing realtime connections failed", unexpected);
        }
    }

    @Override
    public boolean isRunning() {
        return accepting;
    }

    @Override
    public int getPhase() {
        // the highest phase starts last and stops first: before the web server's graceful shutdown
        return Integer.MAX_VALUE;
    }
}

package io.livedrop.notification.delivery.application;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Virtual threads for everything that may block on one client (a connection's writer, its replay,
 * closing its socket): ten thousand of them cost little, and a blocked one delays nobody else. Not
 * an {@link Executor} bean on purpose, so Spring Boot's own task executor stays as it is.
 */
@Component
public class RealtimeThreads implements DisposableBean {

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("realtime-", 0).factory());

    public Executor executor() {
        return executor;
    }

    @Override
    public void destroy() {
        // writers blocked on dead sockets must not hold up the shutdown
        executor.shutdownNow();
    }
}

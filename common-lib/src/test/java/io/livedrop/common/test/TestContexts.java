package io.livedrop.common.test;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the Spring test contexts that use the shared infrastructure, so the JVM-exit hooks that
 * drop the database, stop Kafka and delete Redis keys run after every context has closed (its
 * outbox relay and schedulers stopped) instead of pulling the ground from under them.
 */
final class TestContexts {

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition ALL_CLOSED = LOCK.newCondition();
    private static int open;

    private TestContexts() {}

    /** A bean of every test context: opened with it, closed when its beans are destroyed. */
    static final class Lease implements AutoCloseable {

        Lease() {
            LOCK.lock();
            try {
                open++;
            } finally {
                LOCK.unlock();
            }
        }

        @Override
        public void close() {
            LOCK.lock();
            try {
                if (--open == 0) {
                    ALL_CLOSED.signalAll();
                }
            } finally {
                LOCK.unlock();
            }
        }
    }

    static void awaitAllClosed(Duration timeout) {
        LOCK.lock();
        try {
            long remaining = timeout.toNanos();
            while (open > 0 && remaining > 0) {
                remaining = ALL_CLOSED.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            LOCK.unlock();
        }
    }

    /** Runs a JVM-exit cleanup once the test contexts are closed (or after a bounded wait). */
    static Thread afterContextsClosed(String name, Runnable cleanup) {
        return new Thread(
                () -> {
                    awaitAllClosed(Duration.ofSeconds(10));
                    cleanup.run();
                },
                name);
    }
}

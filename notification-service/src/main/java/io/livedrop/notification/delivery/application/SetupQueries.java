package io.livedrop.notification.delivery.application;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Runs the read queries of connection set-ups (follows, replay pages) so that a burst of new
 * connections queues instead of failing: at most {@code maxConcurrent} such queries run at once,
 * leaving the rest of the pool to the consumer and the tailer, and a query that cannot get a
 * connection or hits a transient error is retried (reads only, so a retry is harmless) until the
 * set-up's patience runs out. The turn is held for one query only, never while frames are written
 * to a (possibly slow) client.
 */
final class SetupQueries {

    /**
     * The waits between retries of one query: 50 ms, doubling, at most 1 s; no limit of their own
     * (the set-up's patience is the limit).
     */
    private static final ExponentialBackOff RETRY_DELAYS = retryDelays();

    private final Semaphore turns;
    private final Duration patience;

    SetupQueries(int maxConcurrent, Duration patience) {
        this.turns = new Semaphore(maxConcurrent, true);
        this.patience = patience;
    }

    private static ExponentialBackOff retryDelays() {
        var delays = new ExponentialBackOff(50, 2);
        delays.setMaxInterval(1_000);
        return delays;
    }

    /** One connection's set-up: its queries share one deadline. */
    Setup begin() {
        return new Setup(System.nanoTime() + patience.toNanos());
    }

    final class Setup {

        private final long deadline;

        private Setup(long deadline) {
            this.deadline = deadline;
        }

        <T> T query(Supplier<T> read) throws InterruptedException, SetupBusyException {
            BackOffExecution retries = RETRY_DELAYS.start();
            while (true) {
                if (!turns.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new SetupBusyException("No turn for a set-up query within " + patience);
                }
                long backoff;
                try {
                    return read.get();
                } catch (TransientDataAccessException | DataAccessResourceFailureException busy) {
                    backoff = retries.nextBackOff();
                    if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff) - deadline > 0) {
                        throw new SetupBusyException("Database busy for " + patience + ": " + busy.getMessage());
                    }
                } finally {
                    turns.release();
                }
                Thread.sleep(backoff);
            }
        }
    }

    /** The set-up could not finish in time because the database is overloaded: the client should retry. */
    static final class SetupBusyException extends Exception {
        SetupBusyException(String message) {
            super(message);
        }
    }
}

package io.livedrop.notification.realtime;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Runs the read queries of connection set-ups (head, follows, replay) so that a burst of new
 * connections queues instead of failing: at most {@code maxConcurrent} set-ups use the database at
 * once, leaving the rest of the pool to the consumer and the tailer, and a query that cannot get a
 * connection or hits a transient error is retried (reads only, so a retry is harmless) until the
 * set-up's patience runs out.
 */
final class SetupQueries {

    private static final long FIRST_BACKOFF_MILLIS = 50;
    private static final long MAX_BACKOFF_MILLIS = 1_000;

    private final Semaphore permits;
    private final Duration patience;

    SetupQueries(int maxConcurrent, Duration patience) {
        this.permits = new Semaphore(maxConcurrent, true);
        this.patience = patience;
    }

    /** A set-up's turn: hold it while its queries run, then close it. */
    Turn awaitTurn() throws InterruptedException, SetupBusyException {
        long deadline = System.nanoTime() + patience.toNanos();
        if (!permits.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new SetupBusyException("No set-up slot within " + patience);
        }
        return new Turn(deadline);
    }

    final class Turn implements AutoCloseable {

        private final long deadline;
        private boolean closed;

        private Turn(long deadline) {
            this.deadline = deadline;
        }

        <T> T query(Supplier<T> read) throws InterruptedException, SetupBusyException {
            long backoff = FIRST_BACKOFF_MILLIS;
            while (true) {
                try {
                    return read.get();
                } catch (TransientDataAccessException | DataAccessResourceFailureException busy) {
                    if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff) - deadline > 0) {
                        throw new SetupBusyException("Database busy for " + patience + ": " + busy.getMessage());
                    }
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                }
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                permits.release();
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

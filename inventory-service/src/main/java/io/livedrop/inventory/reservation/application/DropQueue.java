package io.livedrop.inventory.reservation.application;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The reserves of one drop waiting for their batch, and whether a drainer takes care of them. The
 * drainer exists only while there is work: it retires the queue when it finds it empty, and the next
 * reserve of that drop starts a new queue (so idle drops hold neither a thread nor a queue).
 */
final class DropQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition filled = lock.newCondition();
    private final ArrayDeque<PendingReserve> waiting = new ArrayDeque<>();
    private final int batchSize;
    private final long maxWaitNanos;
    private boolean draining;
    private boolean retired;
    private boolean flushing;

    DropQueue(int batchSize, Duration maxWait) {
        this.batchSize = batchSize;
        this.maxWaitNanos = maxWait.toNanos();
    }

    enum Offered {
        /** queued, and the caller must start the drainer */
        START_DRAINER,
        QUEUED,
        /** the queue was retired: use a new one */
        RETIRED
    }

    Offered offer(PendingReserve reserve) {
        lock.lock();
        try {
            if (retired) {
                return Offered.RETIRED;
            }
            waiting.add(reserve);
            if (waiting.size() >= batchSize) {
                filled.signal();
            }
            if (draining) {
                return Offered.QUEUED;
            }
            draining = true;
            return Offered.START_DRAINER;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next batch in arrival order: up to {@code batchSize} reserves, after waiting until the
     * oldest has waited {@code maxWait} for the batch to fill (reserves that queued behind the previous
     * batch are usually older than that and go at once). Empty when there is no work left: the queue
     * is retired then.
     */
    List<PendingReserve> nextBatch() throws InterruptedException {
        lock.lock();
        try {
            if (waiting.isEmpty()) {
                retired = true;
                draining = false;
                return List.of();
            }
            long waitedEnough = waiting.peek().queuedAt() + maxWaitNanos;
            long remaining;
            while (!flushing && waiting.size() < batchSize && (remaining = waitedEnough - System.nanoTime()) > 0) {
                filled.awaitNanos(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            List<PendingReserve> batch = new ArrayList<>(Math.min(batchSize, waiting.size()));
            while (batch.size() < batchSize && !waiting.isEmpty()) {
                batch.add(waiting.poll());
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** From now on batches go without waiting to fill (shutdown). */
    void flush() {
        lock.lock();
        try {
            flushing = true;
            filled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes a reserve back that no drainer has taken yet; false when it is in a batch already. */
    boolean withdraw(PendingReserve reserve) {
        lock.lock();
        try {
            return waiting.remove(reserve);
        } finally {
            lock.unlock();
        }
    }

    /** Retires the queue and returns everything still waiting, for a drainer that has to give up. */
    List<PendingReserve> retireAndTakeAll() {
        lock.lock();
        try {
            retired = true;
            draining = false;
            List<PendingReserve> all = new ArrayList<>(waiting);
            waiting.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }
}

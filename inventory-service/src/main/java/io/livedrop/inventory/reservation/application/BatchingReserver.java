package io.livedrop.inventory.reservation.application;

import io.livedrop.inventory.reservation.domain.ReserveCommand;
import io.livedrop.inventory.reservation.domain.ReserveOutcome;
import io.livedrop.inventory.reservation.domain.ReserveResult;
import io.livedrop.inventory.reservation.domain.Reserver;
import io.livedrop.inventory.reservation.domain.ReservingPausedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The hot-drop fast path: reserves of one drop queue up, and one drainer per drop (a virtual thread
 * that lives only while the drop has reserves waiting) hands them to {@link BatchReserveService}
 * up to {@code reserveBatchSize} at a time — one transaction, one update and one commit of the drop's
 * row per batch instead of per reserve. Each caller waits for its own answer (at most {@code
 * reserveTimeout} in the queue, one more once its batch is running).
 *
 * <p>A batch that fails as a whole (data changed by another instance, a constraint, the database) is
 * retried one reserve at a time through the {@link Reserver single-row reserver}, so every reserve
 * gets the answer it would have had alone and one bad request cannot fail the others.
 *
 * <p>Stopped before the web server's graceful shutdown: reserves already queued are answered, new
 * ones are refused with {@link ReservingPausedException} (503, retry on another instance).
 */
public class BatchingReserver implements Reserver, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BatchingReserver.class);
    /** Before the web server's graceful shutdown (DEFAULT_PHASE - 1024), after the Kafka listeners. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private final BatchReserveService batches;
    private final Reserver oneByOne;
    private final ReservationMetrics metrics;
    private final int batchSize;
    private final Duration maxWait;
    private final Duration timeout;
    private final Map<UUID, DropQueue> queues = new ConcurrentHashMap<>();
    /** Reserves admitted and not answered yet; shutdown waits for them. */
    private final AtomicInteger unanswered = new AtomicInteger();

    private volatile boolean accepting = true;
    private volatile boolean running;

    public BatchingReserver(
            BatchReserveService batches,
            Reserver oneByOne,
            ReservationMetrics metrics,
            ReservationProperties properties) {
        this.batches = batches;
        this.oneByOne = oneByOne;
        this.metrics = metrics;
        this.batchSize = properties.reserveBatchSize();
        this.maxWait = properties.reserveBatchMaxWait();
        this.timeout = properties.reserveTimeout();
        metrics.watchBusyDrops(this::busyDrops);
    }

    @Override
    public ReserveResult reserve(ReserveCommand command) {
        unanswered.incrementAndGet();
        try {
            if (!accepting) {
                throw new ReservingPausedException("Reservations are paused: this instance is shutting down");
            }
            PendingReserve pending = new PendingReserve(command);
            DropQueue queue = enqueue(pending);
            return await(pending, queue);
        } finally {
            unanswered.decrementAndGet();
        }
    }

    private DropQueue enqueue(PendingReserve pending) {
        UUID dropId = pending.command().dropId();
        while (true) {
            DropQueue queue = queues.computeIfAbsent(dropId, id -> new DropQueue(batchSize, maxWait));
            switch (queue.offer(pending)) {
                case START_DRAINER -> {
                    Thread.ofVirtual().name("reserve-batches-" + dropId).start(() -> drain(dropId, queue));
                    return queue;
                }
                case QUEUED -> {
                    return queue;
                }
                case RETIRED -> queues.remove(dropId, queue);
            }
        }
    }

    /**
     * Waits for the answer. A reserve still queued when {@code reserveTimeout} runs out is withdrawn and
     * answered 503 with nothing reserved. One already in a batch waits for that batch's outcome (one
     * more {@code reserveTimeout} at most): its transaction is running and may commit the hold, and
     * answering 503 then would leave a hold its caller believes was never made.
     */
    private ReserveResult await(PendingReserve pending, DropQueue queue) {
        try {
            try {
                return answerWithin(pending);
            } catch (TimeoutException slow) {
                if (queue.withdraw(pending)) {
                    throw new ReservingPausedException(
                            "No answer in time; nothing was reserved, retry with the same reservationId");
                }
                return answerWithin(pending);
            }
        } catch (TimeoutException stillRunning) {
            throw new ReservingPausedException(
                    "No answer in time; retry with the same reservationId to learn the outcome", true);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            queue.withdraw(pending);
            throw new ReservingPausedException("Interrupted while waiting; retry with the same reservationId");
        }
    }

    private ReserveResult answerWithin(PendingReserve pending) throws TimeoutException, InterruptedException {
        try {
            return pending.answer().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }

    private void drain(UUID dropId, DropQueue queue) {
        try {
            List<PendingReserve> batch;
            while (!(batch = queue.nextBatch()).isEmpty()) {
                handle(dropId, batch);
            }
        } catch (InterruptedException | RuntimeException stopped) {
            // never leave a caller without an answer: whoever is still queued is reserved one by one
            log.error("Reserve drainer of drop {} stopped", dropId, stopped);
            queue.retireAndTakeAll().forEach(this::reserveAlone);
        } finally {
            queues.remove(dropId, queue);
        }
    }

    private void handle(UUID dropId, List<PendingReserve> batch) {
        metrics.batched(batch.size());
        List<ReserveOutcome> outcomes;
        try {
            outcomes = batches.reserve(
                    dropId, batch.stream().map(PendingReserve::command).toList());
        } catch (RuntimeException failed) {
            log.debug("Batch of {} reserves of drop {} failed, reserving one by one: {}", batch.size(), dropId, failed);
            metrics.batchFellBack(batch.size());
            batch.forEach(this::reserveAlone);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            switch (outcomes.get(i)) {
                case ReserveOutcome.Held(ReserveResult result) ->
                    batch.get(i).answer().complete(result);
                case ReserveOutcome.Refused(var refusal) ->
                    batch.get(i).answer().completeExceptionally(refusal);
            }
        }
    }

    private void reserveAlone(PendingReserve pending) {
        try {
            pending.answer().complete(oneByOne.reserve(pending.command()));
        } catch (RuntimeException refusedOrFailed) {
            pending.answer().completeExceptionally(refusedOrFailed);
        }
    }

    /** Drops that have a queue (and a drainer) right now; idle drops have neither. */
    public int busyDrops() {
        return queues.size();
    }

    @Override
    public void start() {
        accepting = true;
        running = true;
    }

    /** Refuses new reserves, then waits (bounded) until every admitted one is answered. */
    @Override
    public void stop() {
        accepting = false;
        queues.values().forEach(DropQueue::flush);
        // a reserve in a running batch may wait two timeouts (see await)
        long deadline = System.nanoTime() + 2 * timeout.toNanos();
        while (unanswered.get() > 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (unanswered.get() > 0) {
            log.warn("{} reserves still unanswered at shutdown", unanswered.get());
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}

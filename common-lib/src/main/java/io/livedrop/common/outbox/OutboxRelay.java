package io.livedrop.common.outbox;

import io.livedrop.common.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka, in id order per lane, and marks them sent.
 *
 * <p>A lane is relayed inside one transaction that holds {@code pg_try_advisory_xact_lock(lane)}:
 * with several instances each lane has one publisher at a time, so events of one key keep their
 * order. Rows are marked sent only after Kafka acknowledged the whole batch; a failure rolls back
 * and the lane retries later (exponential back-off, forever). Duplicates after a crash are possible;
 * consumers dedupe by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int LOCK_NAMESPACE = 0x0B0C;
    private static final int LANE_BUSY = -1;
    private static final Duration BUSY_LANE_RETRY = Duration.ofMillis(100);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private final LaneBackoff backoff;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, String> kafka,
            OutboxProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.backoff = new LaneBackoff(properties.lanes(), properties.pollInterval(), properties.maxBackoff());
    }

    /** Called after a commit that wrote outbox rows: publish now instead of at the next poll. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** One pass over the lanes that have unsent rows; returns the number of events published. */
    public int relayOnce() {
        return relayPass().published();
    }

    /**
     * One cheap look for lanes with unsent rows, then a transaction only per such lane: an idle relay
     * costs one index-only query per poll instead of a transaction per lane.
     */
    private Pass relayPass() {
        int published = 0;
        boolean contended = false;
        for (int lane : lanesWithUnsentRows()) {
            if (!backoff.mayRun(lane)) {
                continue;
            }
            try {
                int relayed = relayLane(lane);
                contended |= relayed == LANE_BUSY;
                published += Math.max(relayed, 0);
                backoff.succeeded(lane);
            } catch (RuntimeException e) {
                Duration pause = backoff.failed(lane);
                log.warn("Outbox lane {} not relayed, retrying in {}: {}", lane, pause, e.getMessage());
            }
        }
        return new Pass(published, contended);
    }

    private List<Integer> lanesWithUnsentRows() {
        return jdbc.sql("select distinct lane from outbox_event where sent_at is null and lane < :lanes")
                .param("lanes", properties.lanes())
                .query(Integer.class)
                .list();
    }

    /** @return events published, or {@link #LANE_BUSY} when another instance is relaying the lane */
    private int relayLane(int lane) {
        Integer count = transactions.execute(status -> {
            boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:namespace, :lane)")
                    .param("namespace", LOCK_NAMESPACE)
                    .param("lane", lane)
                    .query(Boolean.class)
                    .single();
            if (!locked) {
                return LANE_BUSY;
            }
            List<PendingEvent> batch = jdbc.sql("""
                    select id, topic, event_key, payload, trace_headers from outbox_event
                    where lane = :lane and sent_at is null
                    order by id
                    limit :limit
                    """)
                    .param("lane", lane)
                    .param("limit", properties.batchSize())
                    .query(PendingEvent::read)
                    .list();
            if (batch.isEmpty()) {
                return 0;
            }
            sendAll(batch);
            jdbc.sql("update outbox_event set sent_at = now() where id = any(:ids)")
                    .param("ids", batch.stream().map(PendingEvent::id).toArray(Long[]::new))
                    .update();
            return batch.size();
        });
        return count == null ? 0 : count;
    }

    private void sendAll(List<PendingEvent> batch) {
        CompletableFuture<?>[] acks =
                batch.stream().map(event -> kafka.send(toRecord(event))).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(acks).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch: " + e.getMessage(), e);
        }
    }

    private static ProducerRecord<String, String> toRecord(PendingEvent event) {
        var record = new ProducerRecord<>(event.topic(), event.eventKey(), event.payload());
        record.headers().add(header("content-type", EventEnvelope.KAFKA_CONTENT_TYPE));
        TraceHeaders.parse(event.traceHeaders())
                .forEach((name, value) -> record.headers().add(header(name, value)));
        return record;
    }

    private void loop() {
        while (running) {
            try {
                Pass pass = relayPass();
                if (pass.published() == 0) {
                    // rows of a lane another instance holds are looked at again soon; otherwise the
                    // relay sleeps until an own commit wakes it or the poll finds other instances' rows
                    Duration wait = pass.contended() ? BUSY_LANE_RETRY : properties.pollInterval();
                    wakeUps.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay pass failed: {}", e.getMessage());
                sleepQuietly(properties.pollInterval());
            }
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        if (!properties.relayEnabled()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            wakeUp();
            try {
                worker.join(properties.sendTimeout().plusSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop before the Kafka producer and the data source go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private record Pass(int published, boolean contended) {}

    record PendingEvent(long id, String topic, String eventKey, String payload, String traceHeaders) {

        /** Mapped by hand: the generic mapper probes camel-case column names and throws for each miss. */
        static PendingEvent read(ResultSet row, int rowNumber) throws SQLException {
            return new PendingEvent(
                    row.getLong("id"),
                    row.getString("topic"),
                    row.getString("event_key"),
                    row.getString("payload"),
                    row.getString("trace_headers"));
        }
    }
}

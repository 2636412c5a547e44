package io.livedrop.inventory.reservation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.events.SoldOut;
import io.livedrop.common.events.StockLow;
import io.livedrop.inventory.InventoryIntegrationTest;
import io.livedrop.inventory.Race;
import io.livedrop.inventory.TestDrops;
import io.livedrop.inventory.reservation.domain.ReserveCommand;
import io.livedrop.inventory.reservation.domain.ReserveOutcome;
import io.livedrop.inventory.reservation.domain.ReserveResult;
import io.livedrop.inventory.reservation.domain.Reserver;
import io.livedrop.inventory.reservation.domain.ReservingPausedException;
import io.livedrop.inventory.stock.domain.StockLevels;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The batching reserver (the default): under heavy concurrency on one drop it keeps every guarantee of
 * the single-row path, refuses per request inside a batch, falls back one by one when a batch fails,
 * announces like single reserves and drains its queues on shutdown.
 */
class BatchingReserverTests extends InventoryIntegrationTest {

    @Autowired
    BatchReserveService batches;

    @Autowired
    MeterRegistry meters;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void theBatchingReserverIsTheDefault() {
        assertThat(reserver).isInstanceOf(BatchingReserver.class);
    }

    @RepeatedTest(3)
    void manyThreadsOnOneDropNeverOversellExceedTheLimitOrHoldTwice() throws Exception {
        int stock = 150;
        int limit = 3;
        UUID dropId = drops.live(stock, limit, 20);
        List<String> users = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> "buyer-" + i + "-" + UUID.randomUUID())
                .toList();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 64 * 40; i++) {
            // one request in four repeats an id used before (a retry racing or following its original)
            ids.add(i % 4 == 3 ? ids.get(ThreadLocalRandom.current().nextInt(i)) : UUID.randomUUID());
        }
        Map<UUID, ReserveCommand> commandOf = new ConcurrentHashMap<>();
        Instant expiresAt = TestDrops.inAnHour();
        double batchesBefore = batchCount();

        List<Object> answers = Race.run(64, thread -> {
                    List<Object> mine = new ArrayList<>();
                    for (int i = thread; i < ids.size(); i += 64) {
                        UUID id = ids.get(i);
                        ReserveCommand command = commandOf.computeIfAbsent(
                                id,
                                key -> new ReserveCommand(
                                        key,
                                        dropId,
                                        users.get(Math.floorMod(key.hashCode(), users.size())),
                                        1 + (key.hashCode() >>> 1) % 2,
                                        expiresAt));
                        try {
                            mine.add(reserver.reserve(command));
                        } catch (ApiException refused) {
                            mine.add(refused.code().name());
                        }
                    }
                    return mine;
                })
                .stream()
                .flatMap(list -> ((List<?>) list).stream())
                .map(Object.class::cast)
                .toList();

        List<ReserveResult> holds = answers.stream()
                .filter(ReserveResult.class::isInstance)
                .map(ReserveResult.class::cast)
                .toList();
        assertThat(answers.stream().filter(String.class::isInstance))
                .allMatch(code -> code.equals("SOLD_OUT") || code.equals("PER_USER_LIMIT_EXCEEDED"));
        Map<UUID, Long> createdPerId = holds.stream()
                .filter(ReserveResult::created)
                .collect(Collectors.groupingBy(r -> r.reservation().reservationId(), Collectors.counting()));
        assertThat(createdPerId.values())
                .as("a reservation id is held at most once")
                .allMatch(n -> n == 1);
        Map<UUID, List<ReserveResult>> byId = holds.stream()
                .collect(Collectors.groupingBy(r -> r.reservation().reservationId()));
        byId.forEach((id, results) -> assertThat(results)
                .extracting(ReserveResult::reservation)
                .as("every answer for one id is the same hold")
                .containsOnly(results.getFirst().reservation()));
        StockLevels levels = drops.assertConsistent(dropId);
        assertThat(levels.reserved()).isEqualTo(stock - levels.available());
        assertThat(levels.reserved())
                .isEqualTo(createdPerId.keySet().stream()
                        .mapToInt(id -> commandOf.get(id).quantity())
                        .sum());
        assertThat(drops.countIn(dropId, "held")).isEqualTo(createdPerId.size());
        assertThat(levels.available())
                .as("demand exceeds stock: only a remainder too small for some request")
                .isLessThan(2);
        assertThat(jdbc.sql("select max(quantity) from user_holding where drop_id = :d")
                        .param("d", dropId)
                        .query(Integer.class)
                        .single())
                .isLessThanOrEqualTo(limit);
        assertThat(drops.outboxPayloads(dropId, SoldOut.TOPIC)).hasSizeLessThanOrEqualTo(1);
        assertThat(drops.outboxPayloads(dropId, StockLow.TOPIC)).hasSize(1);
        assertThat(batchCount()).isGreaterThan(batchesBefore);
        assertThat(largestBatch()).as("reserves did share transactions").isGreaterThan(1);
    }

    @RepeatedTest(3)
    void severalInstancesAndTheSingleRowPathRacingOnOneDropKeepEveryGuarantee() throws Exception {
        int stock = 60;
        UUID dropId = drops.live(stock, 2, null);
        // two more "instances" with queues of their own, plus single reserves, all on the same rows
        List<Reserver> instances = List.of(
                reserver,
                batcher(16, Duration.ofMillis(2), new SimpleMeterRegistry()),
                batcher(64, Duration.ZERO, new SimpleMeterRegistry()),
                singleRow);
        List<String> users = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> "buyer-" + i + "-" + UUID.randomUUID())
                .toList();
        Instant expiresAt = TestDrops.inAnHour();

        List<Object> answers = Race.run(400, i -> {
            try {
                return (Object) instances
                        .get(i % instances.size())
                        .reserve(command(dropId, users.get(i % users.size()), 1, expiresAt));
            } catch (ApiException refused) {
                return refused.code().name();
            }
        });

        long held = answers.stream().filter(ReserveResult.class::isInstance).count();
        assertThat(answers.stream().filter(String.class::isInstance))
                .allMatch(code -> code.equals("SOLD_OUT") || code.equals("PER_USER_LIMIT_EXCEEDED"));
        assertThat(held).isEqualTo(stock);
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(stock, 0, stock, 0));
        assertThat(jdbc.sql("select max(quantity) from user_holding where drop_id = :d")
                        .param("d", dropId)
                        .query(Integer.class)
                        .single())
                .isLessThanOrEqualTo(2);
        assertThat(drops.outboxPayloads(dropId, SoldOut.TOPIC)).hasSize(1);
    }

    @Test
    void anIdleDropKeepsNoQueueNorThread() {
        UUID dropId = drops.live(10);
        BatchingReserver batcher = (BatchingReserver) reserver;

        batcher.reserve(command(dropId, "user-1", 1, TestDrops.inAnHour()));

        // a drop's queue is removed by its drainer as the drainer's last step before it ends
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> batcher.busyDrops() == 0);
    }

    @Test
    void everyRequestOfABatchGetsTheAnswerItWouldHaveHadAlone() {
        UUID dropId = drops.live(5, 2, null);
        Instant expiresAt = TestDrops.inAnHour();
        ReserveCommand earlier = command(dropId, "known", 1, expiresAt);
        ReserveResult known = reserver.reserve(earlier);
        ReserveCommand first = command(dropId, "ann", 2, expiresAt);
        List<ReserveCommand> batch = List.of(
                first,
                command(dropId, "ann", 1, expiresAt), // over ann's limit of 2
                earlier, // a retry of a hold taken before
                first, // a retry inside the same batch
                command(dropId, "bob", 2, expiresAt), // takes the last 2
                command(dropId, "cid", 1, expiresAt), // nothing left
                command(dropId, "dan", 3, expiresAt)); // over the limit (and the stock): the limit wins, as alone

        List<ReserveOutcome> outcomes = batches.reserve(dropId, batch);

        assertThat(outcomes.get(0)).isInstanceOfSatisfying(ReserveOutcome.Held.class, held -> {
            assertThat(held.result().created()).isTrue();
            assertThat(held.result().reservation().quantity()).isEqualTo(2);
            // stored at microsecond precision, rounded like the single-row path's bind parameter
            assertThat(Duration.between(expiresAt, held.result().reservation().expiresAt())
                            .abs())
                    .isLessThanOrEqualTo(Duration.ofNanos(500));
        });
        assertThat(refusal(outcomes.get(1))).isEqualTo("PER_USER_LIMIT_EXCEEDED");
        assertThat(outcomes.get(2)).isEqualTo(new ReserveOutcome.Held(new ReserveResult(known.reservation(), false)));
        assertThat(outcomes.get(3)).isInstanceOfSatisfying(ReserveOutcome.Held.class, held -> {
            assertThat(held.result().created()).isFalse();
            assertThat(held.result().reservation())
                    .isEqualTo(((ReserveOutcome.Held) outcomes.get(0)).result().reservation());
        });
        assertThat(outcomes.get(4)).isInstanceOf(ReserveOutcome.Held.class);
        assertThat(refusal(outcomes.get(5))).isEqualTo("SOLD_OUT");
        assertThat(((ReserveOutcome.Refused) outcomes.get(5)).refusal().getMessage())
                .isEqualTo("Only 0 left, 1 requested");
        assertThat(refusal(outcomes.get(6))).isEqualTo("PER_USER_LIMIT_EXCEEDED");
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(5, 0, 5, 0));
        assertThat(drops.countIn(dropId, "held")).isEqualTo(3);
    }

    @Test
    void aBatchOfAnUnknownOrEndedDropRefusesEveryNewRequest() {
        Instant expiresAt = TestDrops.inAnHour();
        UUID unknown = UUID.randomUUID();
        assertThat(batches.reserve(
                        unknown, List.of(command(unknown, "u1", 1, expiresAt), command(unknown, "u2", 1, expiresAt))))
                .allSatisfy(outcome -> assertThat(refusal(outcome)).isEqualTo("DROP_NOT_FOUND"));
        UUID ended = drops.live(5);
        schedules.end(ended);
        assertThat(batches.reserve(ended, List.of(command(ended, "u1", 1, expiresAt))))
                .allSatisfy(outcome -> assertThat(refusal(outcome)).isEqualTo("DROP_NOT_LIVE"));
        assertThat(drops.assertConsistent(ended)).isEqualTo(new StockLevels(5, 5, 0, 0));
    }

    @Test
    void oneBadRequestFailsItsBatchButTheOthersAreReservedOneByOne() throws Exception {
        UUID dropId = drops.live(10, 1, null);
        SimpleMeterRegistry ownMeters = new SimpleMeterRegistry();
        BatchingReserver batcher = batcher(8, Duration.ofSeconds(5), ownMeters);
        Instant expiresAt = TestDrops.inAnHour();
        // quantity 0 passes the in-memory checks but breaks reservation_quantity_positive in the database
        List<ReserveCommand> commands = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            commands.add(command(dropId, "user-" + i, i == 3 ? 0 : 1, expiresAt));
        }

        List<Object> answers = Race.run(8, i -> {
            try {
                return (Object) batcher.reserve(commands.get(i));
            } catch (RuntimeException failed) {
                return failed;
            }
        });

        assertThat(ownMeters.summary("livedrop.inventory.reserve.batch.size").max())
                .isEqualTo(8);
        assertThat(ownMeters
                        .counter("livedrop.inventory.reserve.batch.fallbacks")
                        .count())
                .isEqualTo(8);
        assertThat(answers.get(3)).isInstanceOf(DataIntegrityViolationException.class);
        for (int i = 0; i < 8; i++) {
            if (i != 3) {
                assertThat(answers.get(i))
                        .isInstanceOfSatisfying(
                                ReserveResult.class,
                                r -> assertThat(r.created()).isTrue());
            }
        }
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 3, 7, 0));
        batcher.stop();
    }

    @Test
    void aBatchThatCrossesTheThresholdAndSellsOutAnnouncesBothLikeSingleReserves() throws Exception {
        UUID dropId = drops.live(5, 1, 3);
        BatchingReserver batcher = batcher(5, Duration.ofSeconds(5), new SimpleMeterRegistry());
        Instant expiresAt = TestDrops.inAnHour();

        List<ReserveResult> results = Race.run(5, i -> batcher.reserve(command(dropId, "user-" + i, 1, expiresAt)));

        assertThat(results).allMatch(ReserveResult::created);
        assertThat(drops.outboxPayloads(dropId, StockLow.TOPIC))
                .singleElement()
                .satisfies(low -> assertThat(low).contains("\"available\":2"));
        assertThat(drops.outboxPayloads(dropId, SoldOut.TOPIC)).hasSize(1);
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(5, 0, 5, 0));
        batcher.stop();
    }

    @Test
    void aReserveWhoseBatchOutlivesTheTimeoutGetsTheBatchsAnswerAndOneStillQueuedIsWithdrawn() throws Exception {
        UUID dropId = drops.live(10, 1, null);
        // batches of one, at once: the first reserve's batch blocks on the drop's row, the second queues
        BatchingReserver batcher = batcher(1, Duration.ZERO, Duration.ofSeconds(1), new SimpleMeterRegistry());
        Instant expiresAt = TestDrops.inAnHour();
        CompletableFuture<Object> inBatch;
        Object queuedAnswer;
        try (var rowLock = new DropRowLock(dataSource, dropId)) {
            inBatch = reserveAsync(batcher, command(dropId, "in-batch", 1, expiresAt));
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> rowLockWaiters() > 0); // its batch is running, blocked on the row
            CompletableFuture<Object> queued = reserveAsync(batcher, command(dropId, "queued", 1, expiresAt));
            // the drainer is stuck with the first batch: the second reserve times out while still queued
            queuedAnswer = queued.get(10, java.util.concurrent.TimeUnit.SECONDS);
        }

        assertThat(queuedAnswer)
                .isInstanceOfSatisfying(
                        ReservingPausedException.class,
                        refused -> assertThat(refused.getMessage()).contains("nothing was reserved"));
        assertThat(inBatch.get(10, java.util.concurrent.TimeUnit.SECONDS))
                .as("its batch committed the hold after its first timeout, so the caller gets it rather than a 503")
                .isInstanceOfSatisfying(
                        ReserveResult.class, held -> assertThat(held.created()).isTrue());
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 9, 1, 0));
        batcher.stop();
    }

    @Test
    void aReserveWhoseBatchIsStillRunningAfterBothWaitsIsAnsweredOutcomePendingNotNothingWritten() throws Exception {
        UUID dropId = drops.live(10, 1, null);
        BatchingReserver batcher = batcher(1, Duration.ZERO, Duration.ofMillis(300), new SimpleMeterRegistry());
        Instant expiresAt = TestDrops.inAnHour();
        Object answer;
        try (var rowLock = new DropRowLock(dataSource, dropId)) {
            CompletableFuture<Object> inBatch = reserveAsync(batcher, command(dropId, "slow", 1, expiresAt));
            // the batch is blocked on the row past both waits: the caller cannot be told "nothing written"
            answer = inBatch.get(10, java.util.concurrent.TimeUnit.SECONDS);
        }

        assertThat(answer)
                .isInstanceOfSatisfying(
                        ReservingPausedException.class,
                        pending -> assertThat(pending.mayHaveWritten()).isTrue());
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 9, 1, 0)));
        batcher.stop();
    }

    private int rowLockWaiters() {
        return jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock'
                        """).query(Integer.class).single();
    }

    @Test
    void shutdownAnswersWhatIsQueuedAndRefusesNewReservesAsRetryable() throws Exception {
        UUID dropId = drops.live(10, 1, null);
        // a batch that waits long to fill: the reserve is still queued when shutdown starts
        BatchingReserver batcher = batcher(100, Duration.ofMillis(800), new SimpleMeterRegistry());
        batcher.start();
        Instant expiresAt = TestDrops.inAnHour();
        CompletableFuture<ReserveResult> queued = CompletableFuture.supplyAsync(
                () -> batcher.reserve(command(dropId, "early", 1, expiresAt)),
                runnable -> Thread.ofVirtual().start(runnable));
        Thread.sleep(100); // let it reach the queue

        batcher.stop();

        assertThat(queued).isCompleted();
        assertThat(queued.get().created()).isTrue();
        assertThat(batcher.isRunning()).isFalse();
        assertThatThrownBy(() -> batcher.reserve(command(dropId, "late", 1, expiresAt)))
                .isInstanceOf(ReservingPausedException.class)
                .hasMessageContaining("shutting down");
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 9, 1, 0));
    }

    @Test
    void aReserveRefusedDuringShutdownIsA503TheCallerRetries() {
        UUID dropId = drops.live(10);
        BatchingReserver batcher = (BatchingReserver) reserver;
        String body = """
                {"reservationId":"%s","dropId":"%s","userId":"u","quantity":1,"expiresAt":"2030-01-01T00:00:00Z"}
                """.formatted(UUID.randomUUID(), dropId);
        batcher.stop();
        try {
            var response = api.postAs("/internal/inventory/reservations", body, tokens.serviceToken("order-service"));

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.code()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(response.text("detail")).contains("shutting down");
        } finally {
            batcher.start();
        }
        assertThat(api.post("/internal/inventory/reservations", body).status()).isEqualTo(201);
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(10, 9, 1, 0));
    }

    private BatchingReserver batcher(int batchSize, Duration maxWait, MeterRegistry registry) {
        return batcher(batchSize, maxWait, Duration.ofSeconds(10), registry);
    }

    private BatchingReserver batcher(int batchSize, Duration maxWait, Duration timeout, MeterRegistry registry) {
        ReservationProperties own = new ReservationProperties(
                reservationProperties.holdGrace(),
                reservationProperties.reaperInterval(),
                reservationProperties.reaperBatchSize(),
                ReservationProperties.ReserverKind.BATCHING,
                batchSize,
                maxWait,
                timeout);
        BatchingReserver batcher = new BatchingReserver(batches, singleRow, new ReservationMetrics(registry), own);
        batcher.start();
        return batcher;
    }

    private static CompletableFuture<Object> reserveAsync(BatchingReserver batcher, ReserveCommand command) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return batcher.reserve(command);
                    } catch (RuntimeException refused) {
                        return refused;
                    }
                },
                runnable -> Thread.ofVirtual().start(runnable));
    }

    /** Holds the drop's stock row locked from another connection until closed, as a slow writer would. */
    private static final class DropRowLock implements AutoCloseable {

        private final java.sql.Connection connection;

        DropRowLock(javax.sql.DataSource dataSource, UUID dropId) throws java.sql.SQLException {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (var lock = connection.prepareStatement("select 1 from drop_stock where drop_id = ? for update")) {
                lock.setObject(1, dropId);
                lock.executeQuery().close();
            }
        }

        @Override
        public void close() throws java.sql.SQLException {
            connection.rollback();
            connection.close();
        }
    }

    private static ReserveCommand command(UUID dropId, String user, int quantity, Instant expiresAt) {
        return new ReserveCommand(UUID.randomUUID(), dropId, user, quantity, expiresAt);
    }

    private static String refusal(ReserveOutcome outcome) {
        assertThat(outcome).isInstanceOf(ReserveOutcome.Refused.class);
        return ((ReserveOutcome.Refused) outcome).refusal().code().name();
    }

    private double batchCount() {
        var summary = meters.find("livedrop.inventory.reserve.batch.size").summary();
        return summary == null ? 0 : summary.count();
    }

    private double largestBatch() {
        return meters.get("livedrop.inventory.reserve.batch.size").summary().max();
    }
}

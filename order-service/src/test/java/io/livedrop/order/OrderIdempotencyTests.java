package io.livedrop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.livedrop.common.idempotency.IdempotencyKey;
import io.livedrop.common.idempotency.IdempotencyStore;
import io.livedrop.common.idempotency.IdempotentRequest;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.test.IdempotencyRecords;
import io.livedrop.common.test.Reply;
import io.livedrop.order.support.InventoryStub;
import io.livedrop.order.support.OrderFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Idempotency-Key semantics of API.md on POST /api/orders. */
class OrderIdempotencyTests extends OrderIntegrationTest {

    @Autowired
    IdempotencyStore store;

    final InventoryStub inventory = InventoryStub.shared();

    @AfterEach
    void healInventory() {
        inventory.reset();
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void missingKeyIsRejectedEvenBeforeTheBodyIsChecked() {
        String token = fixtures.token(fixtures.newUser());
        String dropId = fixtures.liveDrop(5, 1, 100);

        Reply valid = api.post("/api/orders", token, Map.of(), body(dropId, 1));
        Reply invalid = api.post("/api/orders", token, Map.of(), "{\"quantity\":0}");

        for (Reply reply : List.of(valid, invalid)) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
        }
        assertThat(inventory.drop(dropId).available()).isEqualTo(5);
    }

    @Test
    void malformedKeysAreRejectedLikeMissingOnes() {
        String token = fixtures.token(fixtures.newUser());
        String dropId = fixtures.liveDrop(5, 1, 100);
        for (String key : new String[] {"with space", "x".repeat(256)}) {
            Reply reply = api.post("/api/orders", token, Map.of("Idempotency-Key", key), body(dropId, 1));
            assertThat(reply.status()).as(key).isEqualTo(400);
            assertThat(reply.code()).as(key).isEqualTo("IDEMPOTENCY_KEY_MISSING");
        }
        Reply longest = api.post("/api/orders", token, Map.of("Idempotency-Key", "~".repeat(255)), body(dropId, 1));
        assertThat(longest.status()).isEqualTo(201);
    }

    @Test
    void sameKeyAndBodyReplaysTheFirstResponse() {
        String dropId = fixtures.liveDrop(5, 5, 100);
        String buyer = fixtures.newUser();

        Reply first = api.placeOrder(buyer, "replay-me", dropId, 1);
        Reply again = api.post(
                "/api/orders",
                fixtures.token(buyer),
                Map.of("Idempotency-Key", "replay-me"),
                // the same request written differently
                "{ \"quantity\" : 1 , \"dropId\" : \"" + dropId + "\" }");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Content-Type")).startsWith("application/json");
        assertThat(inventory.reservationsOf(dropId)).isEqualTo(1);
        assertThat(inventory.drop(dropId).available()).isEqualTo(4);
    }

    @Test
    void aStoredRejectionIsReplayedEvenAfterStockCameBack() {
        String dropId = fixtures.liveDrop(1, 1, 100);
        String first = fixtures.newUser();
        String orderId = api.placedOrder(first, dropId, 1);
        String second = fixtures.newUser();

        Reply soldOut = api.placeOrder(second, "k", dropId, 1);
        assertThat(api.put("/api/orders/" + orderId + "/cancel", fixtures.token(first))
                        .status())
                .isEqualTo(200);
        assertThat(inventory.drop(dropId).available()).isEqualTo(1);
        Reply replayed = api.placeOrder(second, "k", dropId, 1);

        assertThat(soldOut.status()).isEqualTo(409);
        assertThat(replayed.status()).isEqualTo(409);
        assertThat(replayed.code()).isEqualTo("SOLD_OUT");
        assertThat(replayed.body()).isEqualTo(soldOut.body());
        assertThat(replayed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.placeOrder(second, "another-key", dropId, 1).status()).isEqualTo(201);
    }

    @Test
    void sameKeyWithAnotherBodyIsUnprocessable() {
        String dropId = fixtures.liveDrop(5, 5, 100);
        String buyer = fixtures.newUser();
        api.placeOrder(buyer, "one-key", dropId, 1);

        Reply reused = api.placeOrder(buyer, "one-key", dropId, 2);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(inventory.reservationsOf(dropId)).isEqualTo(1);
    }

    @Test
    void sameKeyWhileTheFirstIsInFlightIsAConflict() throws Exception {
        String dropId = fixtures.liveDrop(5, 5, 100);
        String buyer = fixtures.newUser();
        inventory.slowReserves(Duration.ofMillis(1000));
        int reservesBefore = inventory.calls("reserve");

        CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() -> api.placeOrder(buyer, "busy", dropId, 1));
        await().atMost(OrderFixtures.PATIENCE).until(() -> inventory.calls("reserve") > reservesBefore);
        Reply second = api.placeOrder(buyer, "busy", dropId, 1);
        Reply firstReply = first.get();
        Reply third = api.placeOrder(buyer, "busy", dropId, 1);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
        assertThat(firstReply.status()).isEqualTo(201);
        assertThat(third.status()).isEqualTo(201);
        assertThat(third.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(third.body()).isEqualTo(firstReply.body());
        assertThat(inventory.reservationsOf(dropId)).isEqualTo(1);
    }

    @Test
    void serverErrorsAreNotStoredSoTheKeyCanBeRetried() {
        String dropId = fixtures.liveDrop(5, 5, 100);
        String buyer = fixtures.newUser();
        inventory.down();

        Reply failed = api.placeOrder(buyer, "retry-me", dropId, 1);
        inventory.up();
        Reply retried = api.placeOrder(buyer, "retry-me", dropId, 1);

        assertThat(failed.status()).isEqualTo(503);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void keysAreScopedPerUser() {
        String dropId = fixtures.liveDrop(5, 5, 100);

        Reply alice = api.placeOrder(fixtures.newUser(), "shared-key", dropId, 1);
        Reply bob = api.placeOrder(fixtures.newUser(), "shared-key", dropId, 1);

        assertThat(alice.status()).isEqualTo(201);
        assertThat(bob.status()).isEqualTo(201);
        assertThat(bob.header("Idempotent-Replayed")).isNull();
        assertThat(bob.text("id")).isNotEqualTo(alice.text("id"));
    }

    @RepeatedTest(3)
    void theSameUserRacingWithOneKeyGetsOneOrder() throws Exception {
        String dropId = fixtures.liveDrop(50, 50, 100);
        String buyer = fixtures.newUser();
        int racers = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return api.placeOrder(buyer, "race", dropId, 1);
                }));
            }
            start.countDown();
            List<Reply> done = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                done.add(reply.get());
            }
            assertThat(done).allSatisfy(reply -> assertThat(reply.status()).isIn(201, 409));
            Set<String> orderIds = done.stream()
                    .filter(reply -> reply.status() == 201)
                    .map(reply -> reply.text("id"))
                    .collect(Collectors.toSet());
            assertThat(orderIds).hasSize(1);
            assertThat(done.stream().filter(reply -> reply.status() == 409))
                    .allSatisfy(reply -> assertThat(reply.code()).isEqualTo("IDEMPOTENCY_KEY_IN_USE"));
        }
        assertThat(inventory.reservationsOf(dropId)).isEqualTo(1);
        assertThat(inventory.drop(dropId).available()).isEqualTo(49);
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from orders where user_id = :u")
                        .param("u", buyer)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anAttemptAbandonedByACrashIsTakenOverAfterItsLeaseAndContinuesTheSameOrder() {
        String dropId = fixtures.liveDrop(5, 5, 100);
        String buyer = fixtures.newUser();
        UUID orderId = Ids.newId();
        // what a request that died right after claiming its key leaves behind
        insertInFlightRecord(buyer, "crashed", dropId, 1, orderId, Instant.now().minusSeconds(1));

        Reply resumed = api.placeOrder(buyer, "crashed", dropId, 1);

        assertThat(resumed.status()).isEqualTo(201);
        assertThat(resumed.text("id")).isEqualTo(orderId.toString());
        assertThat(api.placeOrder(buyer, "crashed", dropId, 1).header("Idempotent-Replayed"))
                .isEqualTo("true");
    }

    @Test
    void anInFlightRecordWithALiveLeaseStillBlocks() {
        String dropId = fixtures.liveDrop(5, 5, 100);
        String buyer = fixtures.newUser();
        insertInFlightRecord(
                buyer, "running", dropId, 1, Ids.newId(), Instant.now().plusSeconds(30));

        Reply reply = api.placeOrder(buyer, "running", dropId, 1);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
    }

    @Test
    void recordsAreKeptForAtLeastADayThenPurged() {
        String dropId = fixtures.liveDrop(5, 5, 100);
        String buyer = fixtures.newUser();
        api.placeOrder(buyer, "old", dropId, 1);
        Duration kept = fixtures.jdbc()
                .sql("""
                        select extract(epoch from expires_at - created_at)::bigint from idempotency_record
                        where scope = :scope and idempotency_key = 'old'
                        """)
                .param("scope", buyer)
                .query((rs, n) -> Duration.ofSeconds(rs.getLong(1)))
                .single();
        assertThat(kept).isGreaterThanOrEqualTo(Duration.ofHours(24));

        fixtures.jdbc().sql("""
                        update idempotency_record set created_at = now() - interval '25 hours',
                          expires_at = now() - interval '1 hour'
                        where scope = :scope and idempotency_key = 'old'
                        """).param("scope", buyer).update();
        Reply afterExpiry = api.placeOrder(buyer, "old", dropId, 1);
        assertThat(afterExpiry.status()).isEqualTo(201);
        assertThat(afterExpiry.header("Idempotent-Replayed")).isNull();

        api.placeOrder(buyer, "purge-me", dropId, 1);
        fixtures.jdbc()
                .sql("update idempotency_record set created_at = now() - interval '25 hours',"
                        + " expires_at = now() - interval '1 second'"
                        + " where scope = :scope and idempotency_key = 'purge-me'")
                .param("scope", buyer)
                .update();
        assertThat(store.purgeExpired(10_000)).isGreaterThanOrEqualTo(1);
        assertThat(fixtures.jdbc()
                        .sql(
                                "select count(*) from idempotency_record where scope = :s and idempotency_key = 'purge-me'")
                        .param("s", buyer)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void insertInFlightRecord(
            String user, String key, String dropId, int quantity, UUID operationId, Instant leaseUntil) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dropId", dropId);
        body.put("quantity", quantity);
        var request = IdempotentRequest.of(user, new IdempotencyKey(key), "POST", "/api/orders", body, json);
        IdempotencyRecords.insertInFlight(fixtures.jdbc(), request, operationId, leaseUntil);
    }

    private static String body(String dropId, int quantity) {
        return "{\"dropId\":\"" + dropId + "\",\"quantity\":" + quantity + "}";
    }
}

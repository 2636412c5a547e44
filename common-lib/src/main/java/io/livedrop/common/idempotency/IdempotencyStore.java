package io.livedrop.common.idempotency;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.jdbc.SqlTimes;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Durable idempotency records in PostgreSQL ({@code idempotency_record}), one per (user, key).
 *
 * <p>A record is {@code in_flight} while its first request runs, under a lease; {@code completed} with
 * the stored response once it answered with a 2xx or 4xx. A 5xx deletes it, so the key can be
 * retried. A request that finds an in-flight record whose lease ran out takes it over (the earlier
 * attempt's process died), keeping the operation id. Claims are single statements outside any
 * transaction, so a second request sees the first one's claim at once (409, not a wait).
 */
public class IdempotencyStore {

    private static final int CLAIM_ROUNDS = 5;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdempotencyProperties properties;

    public IdempotencyStore(JdbcClient jdbc, Clock clock, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    public IdempotencyClaim claim(IdempotentRequest request) {
        for (int round = 0; round < CLAIM_ROUNDS; round++) {
            Instant now = clock.instant();
            UUID leaseOwner = UUID.randomUUID();
            Optional<UUID> fresh = insertOrReplaceExpired(request, Ids.newId(), leaseOwner, now);
            if (fresh.isPresent()) {
                return new IdempotencyClaim.Execute(fresh.get(), leaseOwner, false);
            }
            Optional<Row> existing = find(request);
            if (existing.isEmpty()) {
                continue; // purged between the two statements: claim again
            }
            Row row = existing.get();
            if (!row.fingerprint().equals(request.fingerprint())) {
                throw new ApiException(
                        ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used with a different request");
            }
            if (row.state().equals("completed")) {
                return new IdempotencyClaim.Replay(
                        new StoredResponse(row.responseStatus(), row.contentType(), row.responseBody()));
            }
            if (row.leaseUntil().toInstant().isAfter(now)) {
                throw new ApiException(
                        ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                        "A request with this Idempotency-Key is still being processed; retry shortly");
            }
            if (takeOver(request, row.leaseOwner(), leaseOwner, now)) {
                return new IdempotencyClaim.Execute(row.operationId(), leaseOwner, true);
            }
            // another request took it over or it completed meanwhile: look again
        }
        throw new ApiException(
                ErrorCode.IDEMPOTENCY_KEY_IN_USE, "A request with this Idempotency-Key is still being processed");
    }

    /** Stores the response of the attempt; must run in the transaction of the state change it reports. */
    public void complete(IdempotentRequest request, UUID leaseOwner, StoredResponse response) {
        requireTransaction();
        int updated = jdbc.sql("""
                        update idempotency_record
                        set state = 'completed', lease_until = null, lease_owner = null,
                            response_status = :status, content_type = :contentType, response_body = :body,
                            completed_at = :now
                        where scope = :scope and idempotency_key = :key
                          and state = 'in_flight' and lease_owner = :owner
                        """)
                .param("status", response.status())
                .param("contentType", response.contentType())
                .param("body", response.body())
                .param("now", SqlTimes.utc(clock.instant()))
                .param("scope", request.scope())
                .param("key", request.key().value())
                .param("owner", leaseOwner)
                .update();
        if (updated != 1) {
            throw new IdempotencyLeaseLostException();
        }
    }

    /** Forgets an attempt that ended without a storable answer (5xx): the key may be retried. */
    public void release(IdempotentRequest request, UUID leaseOwner) {
        jdbc.sql("""
                delete from idempotency_record
                where scope = :scope and idempotency_key = :key and state = 'in_flight' and lease_owner = :owner
                """)
                .param("scope", request.scope())
                .param("key", request.key().value())
                .param("owner", leaseOwner)
                .update();
    }

    /**
     * Ends this attempt without an answer but keeps its operation: the lease expires at once and
     * belongs to no running attempt, so the next request with the key takes it over and continues the
     * same operation (same id) instead of starting a second one. Used when a peer's answer was lost
     * and the operation's effect there may exist.
     */
    public void handBack(IdempotentRequest request, UUID leaseOwner) {
        jdbc.sql("""
                update idempotency_record set lease_owner = :nobody, lease_until = :now
                where scope = :scope and idempotency_key = :key and state = 'in_flight' and lease_owner = :owner
                """)
                .param("nobody", UUID.randomUUID())
                .param("now", SqlTimes.utc(clock.instant()))
                .param("scope", request.scope())
                .param("key", request.key().value())
                .param("owner", leaseOwner)
                .update();
    }

    /**
     * For recovery jobs: whether the attempt that runs {@code operationId} under this key is still alive
     * (in flight with a valid lease). If it is not, an in-flight record of it is deleted, so the key is
     * free again and no takeover can resume the operation any more; the caller then finishes or undoes
     * the operation's leftovers in the same transaction.
     *
     * @return the lease expiry of a live attempt, or empty when the attempt is dead (and released)
     */
    public Optional<Instant> releaseIfAbandoned(String scope, String key, UUID operationId) {
        requireTransaction();
        Instant now = clock.instant();
        Optional<Row> row = jdbc.sql("""
                        select * from idempotency_record
                        where scope = :scope and idempotency_key = :key and operation_id = :operationId
                        for update
                        """)
                .param("scope", scope)
                .param("key", key)
                .param("operationId", operationId)
                .query(Row.class)
                .optional();
        if (row.isEmpty() || !row.get().state().equals("in_flight")) {
            return Optional.empty();
        }
        Instant leaseUntil = row.get().leaseUntil().toInstant();
        if (leaseUntil.isAfter(now)) {
            return Optional.of(leaseUntil);
        }
        jdbc.sql("delete from idempotency_record where scope = :scope and idempotency_key = :key")
                .param("scope", scope)
                .param("key", key)
                .update();
        return Optional.empty();
    }

    /** Deletes records past their retention; returns how many. */
    public int purgeExpired(int limit) {
        return jdbc.sql("""
                        delete from idempotency_record where ctid in (
                          select ctid from idempotency_record where expires_at <= :now limit :limit)
                        """)
                .param("now", SqlTimes.utc(clock.instant()))
                .param("limit", limit)
                .update();
    }

    private Optional<UUID> insertOrReplaceExpired(
            IdempotentRequest request, UUID operationId, UUID leaseOwner, Instant now) {
        return jdbc.sql("""
                        insert into idempotency_record
                          (scope, idempotency_key, fingerprint, operation_id, state, lease_owner, lease_until,
                           created_at, expires_at)
                        values (:scope, :key, :fingerprint, :operationId, 'in_flight', :owner, :leaseUntil,
                                :now, :expiresAt)
                        on conflict (scope, idempotency_key) do update
                          set fingerprint = excluded.fingerprint, operation_id = excluded.operation_id,
                              state = 'in_flight', lease_owner = excluded.lease_owner,
                              lease_until = excluded.lease_until, response_status = null, content_type = null,
                              response_body = null, created_at = excluded.created_at,
                              completed_at = null, expires_at = excluded.expires_at
                          where idempotency_record.expires_at <= :now
                        returning operation_id
                        """)
                .param("scope", request.scope())
                .param("key", request.key().value())
                .param("fingerprint", request.fingerprint())
                .param("operationId", operationId)
                .param("owner", leaseOwner)
                .param("leaseUntil", SqlTimes.utc(now.plus(properties.lease())))
                .param("now", SqlTimes.utc(now))
                .param("expiresAt", SqlTimes.utc(now.plus(properties.retention())))
                .query(UUID.class)
                .optional();
    }

    private Optional<Row> find(IdempotentRequest request) {
        return jdbc.sql("select * from idempotency_record where scope = :scope and idempotency_key = :key")
                .param("scope", request.scope())
                .param("key", request.key().value())
                .query(Row.class)
                .optional();
    }

    private boolean takeOver(IdempotentRequest request, UUID previousOwner, UUID newOwner, Instant now) {
        return jdbc.sql("""
                                update idempotency_record
                                set lease_owner = :newOwner, lease_until = :leaseUntil
                                where scope = :scope and idempotency_key = :key and state = 'in_flight'
                                  and lease_owner = :previousOwner and lease_until <= :now
                                """)
                        .param("newOwner", newOwner)
                        .param("leaseUntil", SqlTimes.utc(now.plus(properties.lease())))
                        .param("scope", request.scope())
                        .param("key", request.key().value())
                        .param("previousOwner", previousOwner)
                        .param("now", SqlTimes.utc(now))
                        .update()
                == 1;
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("must run inside the transaction of the state change");
        }
    }

    record Row(
            String scope,
            String idempotencyKey,
            String fingerprint,
            UUID operationId,
            String state,
            UUID leaseOwner,
            Timestamp leaseUntil,
            Integer responseStatus,
            String contentType,
            String responseBody) {}
}

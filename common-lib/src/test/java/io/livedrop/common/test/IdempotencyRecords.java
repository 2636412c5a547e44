package io.livedrop.common.test;

import io.livedrop.common.idempotency.IdempotentRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Idempotency records as a crashed or still running attempt leaves them, for takeover and recovery tests. */
public final class IdempotencyRecords {

    private IdempotencyRecords() {}

    /**
     * An in-flight record of {@code request} running {@code operationId}, leased until
     * {@code leaseUntil} (in the past: its process died) by an owner no running attempt knows.
     */
    public static void insertInFlight(
            JdbcClient jdbc, IdempotentRequest request, UUID operationId, Instant leaseUntil) {
        jdbc.sql("""
                        insert into idempotency_record (scope, idempotency_key, fingerprint, operation_id, state,
                          lease_owner, lease_until, created_at, expires_at)
                        values (:scope, :key, :fingerprint, :op, 'in_flight', :owner, :leaseUntil, now(),
                                now() + interval '24 hours')
                        """)
                .param("scope", request.scope())
                .param("key", request.key().value())
                .param("fingerprint", request.fingerprint())
                .param("op", operationId)
                .param("owner", UUID.randomUUID())
                .param("leaseUntil", Timestamp.from(leaseUntil))
                .update();
    }
}

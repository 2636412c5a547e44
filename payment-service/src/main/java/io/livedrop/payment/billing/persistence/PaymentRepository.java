package io.livedrop.payment.billing.persistence;

import io.livedrop.common.idempotency.OperationRows;
import io.livedrop.common.jdbc.DueWork;
import io.livedrop.common.jdbc.SqlTimes;
import io.livedrop.payment.billing.domain.Payment;
import io.livedrop.payment.billing.domain.PaymentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payments in PostgreSQL. Every status change is a conditional update; the database's trigger writes
 * each one to the append-only {@code payment_audit}.
 */
@Repository
public class PaymentRepository {

    private final JdbcClient jdbc;
    private final OperationRows<Payment> rows;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new OperationRows<>(jdbc, "payment", PaymentRepository::map);
    }

    /**
     * Throws {@link org.springframework.dao.DuplicateKeyException} when the order already has a payment
     * that is not failed (index {@code payment_one_live_per_order}).
     */
    public void insert(Payment payment) {
        jdbc.sql("""
                insert into payment (id, order_id, user_id, amount_cents, currency, status, failure_code,
                                     idempotency_key, work_due_at, work_attempts, charge_requested_at,
                                     charge_unanswered, created_at, updated_at)
                values (:id, :orderId, :userId, :amountCents, :currency, :status, :failureCode,
                        :idempotencyKey, :workDueAt, 0, :chargeRequestedAt, false, :createdAt, :updatedAt)
                """)
                .param("id", payment.id())
                .param("orderId", payment.orderId())
                .param("userId", payment.userId())
                .param("amountCents", payment.amountCents())
                .param("currency", payment.currency())
                .param("status", payment.status().value())
                .param("failureCode", payment.failureCode())
                .param("idempotencyKey", payment.idempotencyKey())
                .param("workDueAt", SqlTimes.utc(payment.workDueAt()))
                .param("chargeRequestedAt", SqlTimes.utc(payment.chargeRequestedAt()))
                .param("createdAt", SqlTimes.utc(payment.createdAt()))
                .param("updatedAt", SqlTimes.utc(payment.updatedAt()))
                .update();
    }

    public Optional<Payment> find(UUID id) {
        return rows.find(id);
    }

    public Optional<Payment> lock(UUID id) {
        return rows.lock(id);
    }

    /** The order's payment that took (or gives or gave back) money, if any, locked for the transaction. */
    public Optional<Payment> lockCaptured(String orderId) {
        return jdbc.sql("""
                        select * from payment
                        where order_id = :orderId and status in ('succeeded', 'refunding', 'refunded')
                        for update
                        """)
                .param("orderId", orderId)
                .query(PaymentRepository::map)
                .optional();
    }

    /** processing → succeeded | failed; false if the payment was finished by someone else first. */
    public boolean finish(UUID id, PaymentStatus status, String failureCode, Instant now) {
        if (!PaymentStatus.PROCESSING.canBecome(status)) {
            throw new IllegalArgumentException("a processing payment cannot become " + status);
        }
        return jdbc.sql("""
                                update payment set status = :status, failure_code = :failureCode, work_due_at = null,
                                                   updated_at = :now
                                where id = :id and status = 'processing'
                                """)
                        .param("status", status.value())
                        .param("failureCode", failureCode)
                        .param("now", SqlTimes.utc(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * A charge of this processing payment is requested (again) now: the provider's late-capture window
     * starts over. False if the payment is no longer processing (then it must not be charged).
     */
    public boolean markChargeRequested(UUID id, Instant now) {
        return jdbc.sql("""
                                update payment set charge_requested_at = :now, updated_at = :now
                                where id = :id and status = 'processing'
                                """).param("now", SqlTimes.utc(now)).param("id", id).update() == 1;
    }

    /**
     * The provider did not answer the charge of this processing payment: it stays processing until the
     * provider's record settles it; the recovery job looks first at {@code due}.
     */
    public boolean markChargeUnanswered(UUID id, Instant due, Instant now) {
        return jdbc.sql("""
                                update payment set charge_unanswered = true, work_due_at = :due, work_attempts = 0,
                                                   updated_at = :now
                                where id = :id and status = 'processing'
                                """)
                        .param("due", SqlTimes.utc(due))
                        .param("now", SqlTimes.utc(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * processing → failed/{@code failureCode} for a charge the provider never made — only if no charge was
     * requested since {@code chargeRequestedAt} (the moment the "never made" verdict is based on; rows
     * without one count from their creation).
     */
    public boolean finishNeverCharged(UUID id, Instant chargeRequestedAt, String failureCode, Instant now) {
        return jdbc.sql("""
                                update payment set status = 'failed', failure_code = :failureCode, work_due_at = null,
                                                   updated_at = :now
                                where id = :id and status = 'processing'
                                  and coalesce(charge_requested_at, created_at) = :chargeRequestedAt
                                """)
                        .param("failureCode", failureCode)
                        .param("now", SqlTimes.utc(now))
                        .param("id", id)
                        .param("chargeRequestedAt", SqlTimes.utc(chargeRequestedAt))
                        .update()
                == 1;
    }

    /**
     * succeeded → refunding: the refund is decided and claimed until {@code claimedUntil} (after that the
     * recovery job resumes it); false if the payment was not (any more) succeeded.
     */
    public boolean claimRefund(UUID id, Instant claimedUntil, Instant now) {
        return jdbc.sql("""
                                update payment set status = 'refunding', work_due_at = :claimedUntil, work_attempts = 0,
                                                   updated_at = :now
                                where id = :id and status = 'succeeded'
                                """)
                        .param("claimedUntil", SqlTimes.utc(claimedUntil))
                        .param("now", SqlTimes.utc(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** refunding → refunded; false if it was not (any more) refunding. */
    public boolean markRefunded(UUID id, Instant now) {
        return jdbc.sql("""
                                update payment set status = 'refunded', work_due_at = null, updated_at = :now
                                where id = :id and status = 'refunding'
                                """).param("now", SqlTimes.utc(now)).param("id", id).update() == 1;
    }

    public void postponeWork(UUID id, Instant due, int attempts) {
        jdbc.sql("update payment set work_due_at = :due, work_attempts = :attempts where id = :id")
                .param("due", SqlTimes.utc(due))
                .param("attempts", attempts)
                .param("id", id)
                .update();
    }

    /**
     * Processing payments whose request is overdue and refunds whose claim ran out, claimed for {@code
     * claimedUntil} against other instances.
     */
    public List<UUID> claimOverdue(Instant now, Instant claimedUntil, int limit) {
        return DueWork.claim(jdbc, "payment", "status in ('processing', 'refunding')", now, claimedUntil, limit);
    }

    private static Payment map(ResultSet rs, int row) throws SQLException {
        return new Payment(
                rs.getObject("id", UUID.class),
                rs.getString("order_id"),
                rs.getString("user_id"),
                rs.getLong("amount_cents"),
                rs.getString("currency"),
                PaymentStatus.of(rs.getString("status")),
                rs.getString("failure_code"),
                rs.getString("idempotency_key"),
                SqlTimes.instant(rs, "work_due_at"),
                rs.getInt("work_attempts"),
                SqlTimes.instant(rs, "charge_requested_at"),
                rs.getBoolean("charge_unanswered"),
                SqlTimes.instant(rs, "created_at"),
                SqlTimes.instant(rs, "updated_at"));
    }
}

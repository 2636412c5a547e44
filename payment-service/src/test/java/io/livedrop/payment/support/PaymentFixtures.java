package io.livedrop.payment.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.ids.Ids;
import io.livedrop.common.test.Reply;
import io.livedrop.common.test.TestJwtIssuer;
import io.livedrop.payment.PaymentApi;
import io.livedrop.payment.support.OrderServiceStub.StubOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Orders to pay (in the order-service stub) and what payments left in the database; payments go through {@link PaymentApi}. */
@TestComponent
public class PaymentFixtures {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final TestJwtIssuer tokens;
    private final Environment environment;

    PaymentFixtures(JdbcClient jdbc, TestJwtIssuer tokens, Environment environment) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.environment = environment;
    }

    /** The service's HTTP API on the port the test context listens on. */
    public PaymentApi api() {
        return new PaymentApi(environment.getRequiredProperty("local.server.port", Integer.class), tokens);
    }

    public String newUser() {
        return Ids.newId().toString();
    }

    public String token(String userId) {
        return tokens.userToken(userId);
    }

    public String serviceToken() {
        return tokens.serviceToken("order-service");
    }

    /** A pending order of this buyer, payable for ten more minutes. */
    public String payableOrder(String buyer, long totalCents) {
        String orderId = Ids.newId().toString();
        OrderServiceStub.shared()
                .put(new StubOrder(
                        orderId,
                        buyer,
                        "drop-1",
                        "pending_payment",
                        totalCents,
                        "EUR",
                        Instant.now().plusSeconds(600)));
        return orderId;
    }

    /** Charges the simulated provider made for this order's payments (captured or declined). */
    public List<String> chargesOf(String orderId) {
        return jdbc.sql("""
                        select c.outcome from simulated_charge c join payment p on p.id::text = c.idempotency_key
                        where p.order_id = :orderId order by c.created_at
                        """).param("orderId", orderId).query(String.class).list();
    }

    public long capturedChargesOf(String orderId) {
        return chargesOf(orderId).stream().filter("captured"::equals).count();
    }

    /** Charges the simulated provider refunded for this order's payments. */
    public long refundedChargesOf(String orderId) {
        return jdbc.sql("""
                        select count(*) from simulated_charge c join payment p on p.id::text = c.idempotency_key
                        where p.order_id = :orderId and c.refunded_at is not null
                        """).param("orderId", orderId).query(Long.class).single();
    }

    /** The ids of this order's payments, oldest first. */
    public List<String> paymentIdsOf(String orderId) {
        return jdbc.sql("select id::text from payment where order_id = :orderId order by created_at, id")
                .param("orderId", orderId)
                .query(String.class)
                .list();
    }

    /** Payments (of any test) whose unanswered charge the recovery job is still looking up. */
    public long unsettledChargeCount() {
        return jdbc.sql("select count(*) from payment where status = 'processing' and charge_unanswered")
                .query(Long.class)
                .single();
    }

    public String statusOf(String paymentId) {
        return jdbc.sql("select status from payment where id = :id")
                .param("id", UUID.fromString(paymentId))
                .query(String.class)
                .single();
    }

    /** The audit trail of a payment: "from>to" per state change, in order. */
    public List<String> auditOf(String paymentId) {
        return jdbc.sql(
                        "select coalesce(from_status, '-') || '>' || to_status from payment_audit where payment_id = :id order by id")
                .param("id", UUID.fromString(paymentId))
                .query(String.class)
                .list();
    }

    public List<String> eventsOf(String orderId) {
        return jdbc.sql("select topic from outbox_event where event_key = :key order by id")
                .param("key", orderId)
                .query(String.class)
                .list();
    }

    public List<String> paymentEventPayloadsOf(String orderId) {
        return jdbc.sql("select payload from outbox_event where event_key = :key order by id")
                .param("key", orderId)
                .query(String.class)
                .list();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public static void assertCreated(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }
}

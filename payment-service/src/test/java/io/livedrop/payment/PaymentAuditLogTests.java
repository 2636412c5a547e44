package io.livedrop.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/** The audit log is written by the database for every payment state change and cannot be rewritten. */
class PaymentAuditLogTests extends PaymentIntegrationTest {

    @Test
    void everyStateChangeIsRecordedEvenOnesMadeOutsideTheApplication() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 100);
        String paymentId = api.pay(buyer, orderId, "tok_visa").text("id");

        fixtures.jdbc()
                .sql("update payment set status = 'refunded' where id = :id")
                .param("id", UUID.fromString(paymentId))
                .update();
        fixtures.jdbc()
                .sql("update payment set updated_at = now() where id = :id")
                .param("id", UUID.fromString(paymentId))
                .update();

        assertThat(fixtures.auditOf(paymentId))
                .containsExactly("->processing", "processing>succeeded", "succeeded>refunded");
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateTheAuditLog() {
        String buyer = fixtures.newUser();
        String paymentId =
                api.pay(buyer, fixtures.payableOrder(buyer, 100), "tok_visa").text("id");
        List<String> before = fixtures.auditOf(paymentId);

        for (String sql : List.of(
                "update payment_audit set to_status = 'failed' where payment_id = '" + paymentId + "'",
                "update payment_audit set amount_cents = 0",
                "delete from payment_audit where payment_id = '" + paymentId + "'",
                "delete from payment_audit",
                "truncate payment_audit")) {
            assertThatThrownBy(() -> fixtures.jdbc().sql(sql).update())
                    .as(sql)
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("payment_audit is append-only");
        }

        assertThat(fixtures.auditOf(paymentId)).isEqualTo(before);
    }
}

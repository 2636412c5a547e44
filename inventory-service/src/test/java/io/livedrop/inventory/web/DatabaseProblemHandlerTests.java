package io.livedrop.inventory.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseProblemHandlerTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DatabaseProblemHandler handler = new DatabaseProblemHandler(registry);
    private final MockHttpServletRequest request =
            new MockHttpServletRequest("POST", "/internal/inventory/reservations");

    @Test
    void aWriteRefusedByTheDatabaseIsCountedAndAnsweredWithoutInternals() {
        var response = handler.refusedByDatabase(
                new DataIntegrityViolationException("violates check constraint drop_stock_available_non_negative"),
                request);

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody().getProperties()).containsEntry("code", "INTERNAL_ERROR");
        assertThat(response.getBody().getDetail()).doesNotContain("drop_stock");
        assertThat(registry.get("livedrop.inventory.integrity.violations")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void noConnectionInTimeIsServiceUnavailableWithRetryAfter() {
        var response = handler.noConnection(
                new CannotCreateTransactionException(
                        "Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
                request);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(response.getBody().getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE");
        assertThat(registry.get("livedrop.inventory.database.unavailable")
                        .counter()
                        .count())
                .isEqualTo(1);
    }
}

package io.livedrop.inventory.stock.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;

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
}

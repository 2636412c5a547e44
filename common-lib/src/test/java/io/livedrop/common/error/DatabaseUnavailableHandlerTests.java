package io.livedrop.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableHandlerTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DatabaseUnavailableHandler handler = new DatabaseUnavailableHandler(registry);

    @Test
    void noConnectionInTimeIsServiceUnavailableWithRetryAfter() {
        var response = handler.noConnection(
                new CannotCreateTransactionException(
                        "Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
                new MockHttpServletRequest("POST", "/api/orders"));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(response.getBody().getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE");
        assertThat(response.getBody().getDetail()).doesNotContain("Hikari");
        assertThat(registry.get("livedrop.database.unavailable").counter().count())
                .isEqualTo(1);
    }
}

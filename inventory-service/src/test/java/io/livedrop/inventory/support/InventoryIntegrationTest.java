package io.livedrop.inventory.support;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.inventory.stock.application.DropScheduleService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * inventory-service on a random port against real PostgreSQL and Kafka; every subclass shares one
 * Spring context and database, so tests create their own drops and users.
 */
@IntegrationTest
public abstract class InventoryIntegrationTest {

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected DropScheduleService schedules;

    protected InventoryApi api;
    protected TestDrops drops;

    @BeforeEach
    void connect() {
        api = new InventoryApi(port);
        drops = new TestDrops(schedules, jdbc);
    }
}

package io.livedrop.inventory;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.TestJwtIssuer;
import io.livedrop.common.test.TopicReader;
import io.livedrop.inventory.reservation.application.ReservationProperties;
import io.livedrop.inventory.reservation.application.SingleRowReserver;
import io.livedrop.inventory.reservation.domain.Reserver;
import io.livedrop.inventory.stock.application.DropScheduleService;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * inventory-service on a random port against real PostgreSQL and Kafka; every subclass shares one
 * Spring context and database, so tests create their own drops and users. The one base of the
 * module's integration tests: {@link #api} calls the service over HTTP as order-service does, {@link
 * #drops} creates drops and checks the stock invariants.
 */
@IntegrationTest
public abstract class InventoryIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    protected int port;

    /** Signs user and service tokens the service accepts. */
    protected final TestJwtIssuer tokens = TestJwtIssuer.shared();

    @Autowired
    protected JdbcClient jdbc;

    /** The service's clock (microsecond ticks, PostgreSQL's precision: what is stored reads back equal). */
    @Autowired
    protected Clock clock;

    @Autowired
    protected DropScheduleService schedules;

    /** The reserver on the hot path ({@code livedrop.inventory.reserver}: batching unless a test says otherwise). */
    @Autowired
    protected Reserver reserver;

    @Autowired
    protected SingleRowReserver singleRow;

    @Autowired
    protected ReservationProperties reservationProperties;

    protected InventoryApi api;
    protected TestDrops drops;

    @BeforeEach
    void connect() {
        api = new InventoryApi(port);
        drops = new TestDrops(schedules, jdbc, clock);
    }

    /**
     * The CloudEvents of one key that reached {@code topic} on the broker, as a consumer service reads
     * them, once {@code count} arrived (or 30 s passed): common-lib's {@link TopicReader} records,
     * parsed.
     */
    protected static List<JsonNode> publishedEvents(String topic, UUID key, int count) {
        return TopicReader.awaitRecords(List.of(topic), key.toString(), count).stream()
                .map(record -> JSON.readTree(record.value()))
                .toList();
    }
}

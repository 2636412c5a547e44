package io.livedrop.e2e.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.deploy.Dashboards;
import io.livedrop.e2e.commerce.Commerce;
import io.livedrop.e2e.support.Fleet;
import io.livedrop.e2e.support.Users;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Operators see an order in the metrics, every metric the Grafana dashboards and alert rules read is
 * really exported by a running service, and one trace follows an order from the gateway through
 * order-service and inventory-service, across Kafka, to notification-service.
 */
class ObservabilityTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Fleet fleet = Fleet.shared();
    private final Commerce commerce = new Commerce();

    @Test
    void aPaidOrderShowsUpInTheBusinessMetrics() {
        double placed = counter("order-service", "livedrop_orders_placed_total");
        double confirmed = counter("order-service", "livedrop_orders_confirmed_total");
        double held =
                Scrapes.sample(fleet, "inventory-service", "livedrop_inventory_reservations_total", "outcome=\"held\"");

        placeAndPayAnOrder();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(counter("order-service", "livedrop_orders_placed_total")).isGreaterThan(placed);
            assertThat(counter("order-service", "livedrop_orders_confirmed_total"))
                    .isGreaterThan(confirmed);
            assertThat(Scrapes.sample(
                            fleet, "inventory-service", "livedrop_inventory_reservations_total", "outcome=\"held\""))
                    .isGreaterThan(held);
            assertThat(Scrapes.sample(
                            fleet, "order-service", "http_server_requests_seconds_count", "uri=\"/api/orders\""))
                    .isPositive();
            assertThat(Scrapes.sample(fleet, "inventory-service", "livedrop_inventory_available", "dropId="))
                    .isNotNegative();
        });
    }

    @Test
    void everyMetricTheDashboardsAndAlertsReadIsExported() {
        placeAndPayAnOrder();

        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(Scrapes.exportedMetricNames(fleet)).containsAll(Dashboards.referencedMetrics()));
    }

    @Test
    void anOrdersTraceCrossesGatewayOrderInventoryKafkaAndNotification() {
        placeAndPayAnOrder();

        Set<String> path = Set.of("gateway-service", "order-service", "inventory-service", "notification-service");
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                TraceCollector.shared().servicesByTrace().values())
                        .as("a trace over %s", path)
                        .anySatisfy(services -> assertThat(services).containsAll(path)));
    }

    private void placeAndPayAnOrder() {
        String dropId = commerce.liveDrop(5, 1, 1500);
        Users.User buyer = commerce.buyer();
        String orderId = commerce.placedOrder(buyer, dropId, 1);
        assertThat(commerce.pay(buyer, orderId, "tok_visa").status()).isEqualTo(201);
        commerce.awaitStatus(buyer, orderId, "confirmed");
    }

    private double counter(String service, String metric) {
        return Scrapes.totals(fleet, service).getOrDefault(metric, 0.0);
    }
}

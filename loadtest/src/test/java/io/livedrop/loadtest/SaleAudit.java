package io.livedrop.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What a sale left behind, read after the run: inventory's counts of the drop and each buyer's own orders. */
final class SaleAudit {

    private SaleAudit() {}

    /**
     * inventory's counts of the drop ({@code {stock, available, reserved, sold, ...}}) once {@code
     * settled} holds (the saga moves holds asynchronously) or {@code timeout} has passed.
     */
    static JsonNode awaitCounts(
            Api api, String serviceToken, String dropId, Duration timeout, Predicate<JsonNode> settled) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode counts = api.inventoryStock(serviceToken, dropId).body();
        while (!settled.test(counts) && System.nanoTime() < deadline) {
            Fixtures.sleep(Duration.ofMillis(500));
            counts = api.inventoryStock(serviceToken, dropId).body();
        }
        return counts;
    }

    /**
     * Each buyer's own order list (the API's view): at most one order for this drop, confirmed, and as
     * many confirmed orders in all as the run placed.
     */
    static void checkOrdersThroughTheApi(
            Fixtures fixtures, List<Api.User> buyers, String dropId, int placedOrders, Checks checks) {
        Api api = fixtures.api();
        List<Integer> ordersPerBuyer = fixtures.inParallel(buyers.size(), i -> {
            JsonNode page = api.get("/api/orders?limit=100", buyers.get(i)).body();
            int count = 0;
            for (JsonNode order : page.path("items")) {
                if (dropId.equals(order.path("dropId").asText())
                        && "confirmed".equals(order.path("status").asText())) {
                    count++;
                } else if (dropId.equals(order.path("dropId").asText())) {
                    count += 1000; // an order of this drop that is not confirmed: counted separately below
                }
            }
            return count;
        });
        long duplicates = ordersPerBuyer.stream().filter(n -> n % 1000 > 1).count();
        long unconfirmed = ordersPerBuyer.stream().mapToInt(n -> n / 1000).sum();
        int confirmed = ordersPerBuyer.stream().mapToInt(n -> n % 1000).sum();
        checks.fact("confirmed orders (API)", confirmed);
        checks.check(
                "no buyer has two orders for the drop (API)",
                duplicates == 0,
                duplicates + " buyers with more than one");
        checks.check(
                "confirmed orders (API) == placed orders",
                confirmed == placedOrders,
                confirmed + " confirmed, " + unconfirmed + " not confirmed, " + placedOrders + " placed");
        Map<Integer, Long> histogram =
                ordersPerBuyer.stream().collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        checks.fact("buyers by order count (API)", histogram);
    }
}

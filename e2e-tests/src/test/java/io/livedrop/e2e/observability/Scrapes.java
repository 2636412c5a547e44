package io.livedrop.e2e.observability;

import io.livedrop.e2e.support.Fleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What the fleet's services expose on /actuator/prometheus (the gateway's on its management port). */
final class Scrapes {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Scrapes() {}

    /** Every metric name (with its _bucket/_count/_sum series) any service exports. */
    static Set<String> exportedMetricNames(Fleet fleet) {
        Set<String> names = new HashSet<>();
        for (String service : Fleet.SERVICES) {
            for (String line : scrape(fleet, service).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(nameOf(line));
                }
            }
        }
        return names;
    }

    /** The sum of all samples of each metric of one service (over all label sets). */
    static Map<String, Double> totals(Fleet fleet, String service) {
        Map<String, Double> totals = new HashMap<>();
        for (String line : scrape(fleet, service).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String value = line.substring(line.lastIndexOf(' ') + 1);
            try {
                totals.merge(nameOf(line), Double.parseDouble(value), Double::sum);
            } catch (NumberFormatException notANumber) {
                // NaN and friends do not add up
            }
        }
        return totals;
    }

    /** The value of one series, selected by a label fragment such as {@code outcome="held"}. */
    static double sample(Fleet fleet, String service, String metric, String labelFragment) {
        double sum = 0;
        for (String line : scrape(fleet, service).split("\n")) {
            if (line.startsWith(metric + "{") && line.contains(labelFragment)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static String scrape(Fleet fleet, String service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fleet.managementUrl(service) + "/actuator/prometheus"))
                .header("Accept", "text/plain")
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        service + " /actuator/prometheus answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String nameOf(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
            end++;
        }
        return line.substring(0, end);
    }
}

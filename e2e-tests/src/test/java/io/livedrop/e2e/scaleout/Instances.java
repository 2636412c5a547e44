package io.livedrop.e2e.scaleout;

import io.livedrop.e2e.support.Fleet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** What the scale-out tests read from the fleet: instance metrics and Kafka records of one key. */
final class Instances {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Instances() {}

    /** Requests an instance has answered on this URI pattern, from its Prometheus endpoint. */
    static double requestsServed(Fleet fleet, String service, int instance, String uriPattern) {
        String body = get(fleet.serviceUrl(service, instance) + "/actuator/prometheus");
        return body.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .filter(line -> line.contains("uri=\"" + uriPattern + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    static String get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record with this key seen while polling for {@code window}. */
    static List<ConsumerRecord<String, String>> recordsWithKey(
            KafkaConsumer<String, String> consumer, String key, Duration window) {
        var found = new java.util.ArrayList<ConsumerRecord<String, String>>();
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                if (key.equals(record.key())) {
                    found.add(record);
                }
            }
        }
        return found;
    }
}

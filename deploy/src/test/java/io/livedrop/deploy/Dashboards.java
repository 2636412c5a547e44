package io.livedrop.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The provisioned Grafana dashboards and alert rules, and the metrics their queries read. */
public final class Dashboards {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Dashboards() {}

    public static Path directory() {
        return Manifests.root().resolve("deploy/grafana/dashboards");
    }

    public static Map<Path, JsonNode> all() {
        try (Stream<Path> files = Files.list(directory())) {
            var dashboards = new java.util.TreeMap<Path, JsonNode>();
            files.filter(f -> f.toString().endsWith(".json")).forEach(f -> dashboards.put(f, parse(f)));
            return dashboards;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asString());
            }
        }
        return expressions;
    }

    @SuppressWarnings("unchecked")
    public static List<String> alertExpressions() {
        List<Map<String, Object>> groups = Manifests.at(
                Manifests.documentsOf(Manifests.root().resolve("deploy/prometheus/alerts.yml"))
                        .getFirst(),
                "groups");
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add((String) rule.get("expr"));
            }
        }
        return expressions;
    }

    /** Every metric read by a dashboard panel or an alert rule ({@code up} is Prometheus' own). */
    public static Set<String> referencedMetrics() {
        Set<String> metrics = new TreeSet<>();
        all().values().forEach(d -> expressions(d).forEach(e -> metrics.addAll(PromQl.metricNames(e))));
        alertExpressions().forEach(e -> metrics.addAll(PromQl.metricNames(e)));
        metrics.remove("up");
        return metrics;
    }

    private static JsonNode parse(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

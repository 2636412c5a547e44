package io.livedrop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Grafana dashboards parse, query the provisioned datasource, and read only named metrics. */
class DashboardsTests {

    @Test
    void theFourDashboardsOfTheRunbookAreProvisioned() {
        Set<String> uids = new HashSet<>();
        Dashboards.all().values().forEach(d -> uids.add(d.path("uid").asString()));

        assertThat(uids)
                .contains("livedrop-fleet", "livedrop-jvm", "livedrop-kafka-outbox", "livedrop-drop-war-room")
                .hasSize(Dashboards.all().size());
    }

    @Test
    void everyPanelQueriesThePrometheusDatasourceWithAnExpression() {
        Dashboards.all().forEach((file, dashboard) -> {
            assertThat(dashboard.path("title").asString()).as(file.toString()).isNotBlank();
            for (JsonNode panel : dashboard.path("panels")) {
                String where = file.getFileName() + " / " + panel.path("title").asString();
                assertThat(panel.path("datasource").path("uid").asString())
                        .as(where)
                        .isEqualTo("prometheus");
                assertThat(panel.path("targets").size()).as(where).isPositive();
                panel.path("targets")
                        .forEach(target -> assertThat(
                                        PromQl.metricNames(target.path("expr").asString()))
                                .as(where)
                                .isNotEmpty());
            }
        });
    }

    @Test
    void metricNamesAreReadFromPromQl() {
        assertThat(
                        PromQl.metricNames(
                                "histogram_quantile(0.95, sum by (le, application) (rate(http_server_requests_seconds_bucket{application=~\"$application\", uri!~\"/actuator.*\"}[1m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(PromQl.metricNames("sum(a_total{x=\"y\"}) / sum without (q) (b_count) > 0.02 and on (z) c"))
                .containsExactly("a_total", "b_count", "c");
    }

    @Test
    void alertRulesReadKnownMetrics() {
        assertThat(Dashboards.referencedMetrics())
                .contains("livedrop_outbox_oldest_age_seconds", "http_server_requests_seconds_count");
    }
}

package io.livedrop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load-test scripts: {@code loadtest/gatling-stats} reads Gatling's statistics table from a report
 * (a hand-made sample in Gatling 3.14's markup, {@code src/test/resources/gatling-report}), and
 * {@code ./livedrop loadtest} stays a delegate of {@code loadtest/run}.
 */
class LoadtestScriptTests {

    static final Path ROOT = Manifests.root();
    static final Path SAMPLE_REPORT =
            Path.of("src/test/resources/gatling-report").toAbsolutePath();

    @Test
    void printsOneLinePerRequestWithCountErrorsThroughputAndPercentiles() throws Exception {
        assertThat(gatlingStats(SAMPLE_REPORT.toString()))
                .containsExactly(
                        "request                                         count  errors     req/s     p50     p95     p99     max",
                        "All Requests                                     6000      10       200      12      41      87    1203",
                        "get drop                                         4000       0   133.333      11      38      80     954",
                        "GET /api/drops?status=live&limit=20              2000      10    66.667      14      45      95    1203");
    }

    @Test
    void countsTheRequestsOfTheRunFromTheAllRequestsRow() throws Exception {
        assertThat(gatlingStats("--requests", SAMPLE_REPORT.toString())).containsExactly("6000");
    }

    @Test
    void givesTheSameRowsAsJson() throws Exception {
        JsonNode rows = JsonMapper.builder()
                .build()
                .readTree(String.join("\n", gatlingStats("--json", SAMPLE_REPORT.toString())));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).get("request").asString()).isEqualTo("GET /api/drops?status=live&limit=20");
        assertThat(rows.get(2).get("errors").asString()).isEqualTo("10");
        assertThat(rows.get(2).get("p99").asString()).isEqualTo("95");
    }

    @Test
    void theLauncherDelegatesLoadTestsToTheLoadtestScript() throws IOException {
        String launcher = Files.readString(ROOT.resolve("livedrop"));

        assertThat(launcher).contains("exec \"$ROOT/loadtest/run\" \"$@\"");
        assertThat(launcher).doesNotContain("gatling:test").doesNotContain("ellipsed-name");
        assertThat(ROOT.resolve("loadtest/run")).isExecutable();
        assertThat(ROOT.resolve("loadtest/gatling-stats")).isExecutable();
    }

    private static List<String> gatlingStats(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of("python3", ROOT.resolve("loadtest/gatling-stats").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}

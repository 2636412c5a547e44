package io.livedrop.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livedrop.e2e.support.Fleet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The web client in a real browser: runs {@code npm run test:browser} in {@code web/} (Playwright's
 * {@code playwright-core} driving Debian's Chromium, see web/README.md "Browser tests") against the
 * shared e2e fleet's gateway, which serves the built client at {@code /}. The scenarios' output is
 * streamed here; their screenshots and page logs go to {@code e2e-tests/target/browser-screenshots/}.
 *
 * <p>Needs Node (as the whole build does) and Chromium at {@code /usr/bin/chromium} (or
 * {@code LIVEDROP_CHROMIUM}). Without Chromium the test is skipped on a developer machine and fails
 * in CI ({@code CI} set; {@code .ci/run} installs it).
 */
class BrowserTests {

    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    @Test
    void storefrontScenariosPassInChromium() throws IOException, InterruptedException {
        Path chromium = Path.of(System.getenv().getOrDefault("LIVEDROP_CHROMIUM", "/usr/bin/chromium"));
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        assumeTrue(
                Files.isExecutable(chromium) || ci,
                "browser tests skipped: no Chromium at " + chromium
                        + " (apt-get install -y chromium, or set LIVEDROP_CHROMIUM); in CI they run and fail instead");
        assertThat(chromium)
                .as("CI is set, so the browser tests must run: install Chromium (apt-get install -y chromium)")
                .isExecutable();

        Fleet fleet = Fleet.shared();
        Path web = fleet.root().resolve("web");
        Path screenshots = fleet.root().resolve("e2e-tests/target/browser-screenshots");
        assertThat(web.resolve("dist/index.html"))
                .as("the built web client (the web module builds it before e2e-tests)")
                .exists();
        if (!Files.isDirectory(web.resolve("node_modules/playwright-core"))) {
            run(web, List.of("npm", "ci", "--no-audit", "--no-fund"), fleet, screenshots, Duration.ofMinutes(10));
        }

        int exit = run(web, List.of("npm", "run", "test:browser"), fleet, screenshots, TIMEOUT);

        System.out.println("[browser] screenshots: " + screenshots);
        assertThat(exit)
                .as("npm run test:browser exit code (output above; screenshots in %s)", screenshots)
                .isZero();
    }

    /** Runs a command in web/, streams its output with a prefix, answers its exit code. */
    private static int run(Path dir, List<String> command, Fleet fleet, Path screenshots, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("LIVEDROP_URL", fleet.gatewayUrl());
        builder.environment().put("LIVEDROP_BROWSER_OUT", screenshots.toString());
        builder.environment().putIfAbsent("LIVEDROP_CHROMIUM", "/usr/bin/chromium");
        System.out.println("[browser] " + String.join(" ", command) + " (LIVEDROP_URL=" + fleet.gatewayUrl() + ")");
        Process process = builder.start();
        Thread pump = Thread.ofPlatform().name("browser-tests-output").start(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    System.out.println("[browser] " + line);
                }
            } catch (IOException e) {
                System.out.println("[browser] output lost: " + e.getMessage());
            }
        });
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            pump.join(5_000);
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
        }
        pump.join(10_000);
        return process.exitValue();
    }
}

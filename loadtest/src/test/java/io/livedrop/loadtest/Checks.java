package io.livedrop.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a simulation found beyond Gatling's request statistics: invariants (PASS/FAIL) and facts
 * such as custom latencies. Written to a text file that {@code ./livedrop loadtest} prints after the
 * Gatling summary; any FAIL makes the command exit non-zero.
 */
public final class Checks {

    private final String scenario;
    private final List<String> lines = new ArrayList<>();
    private boolean failed;

    public Checks(String scenario) {
        this.scenario = scenario;
    }

    /**
     * Runs the checks of a finished run; a check that cannot run (say the service died under load)
     * is a FAIL with the reason, and the Gatling report is still written.
     */
    public static void afterRun(String scenario, java.util.function.Consumer<Checks> body) {
        Checks checks = new Checks(scenario);
        try {
            body.accept(checks);
        } catch (RuntimeException e) {
            checks.check("the checks could run", false, String.valueOf(e.getMessage()));
        }
        checks.write();
    }

    public void fact(String name, Object value) {
        lines.add(String.format(Locale.ROOT, "%-34s %s", name + ":", value));
    }

    public void check(String invariant, boolean holds, String detail) {
        failed |= !holds;
        lines.add(String.format(Locale.ROOT, "%-6s %s (%s)", holds ? "PASS" : "FAIL", invariant, detail));
    }

    public void write() {
        Path file = Path.of(Settings.summaryFile(scenario));
        List<String> out = new ArrayList<>(lines);
        out.add("RESULT: " + (failed ? "FAIL" : "PASS"));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.forEach(line -> System.out.println("[loadtest] " + line));
    }
}

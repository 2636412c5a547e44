package io.livedrop.inventory.reservation.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.inventory.InventoryIntegrationTest;
import io.livedrop.inventory.reservation.domain.ReserveCommand;
import io.livedrop.inventory.reservation.domain.Reserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * In-process throughput of one hot drop, single-row vs batching: N threads reserve one unit each (a
 * new buyer every time) on one drop with a huge stock, calling the {@code Reserver} beans directly (no
 * HTTP). Not part of the build (tag {@code benchmark}); run it with
 *
 * <pre>./mvnw -pl inventory-service verify -Dtest=ReserveThroughputBenchmarkTests -Dinventory.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Results go to stdout and {@code target/reserve-throughput.txt}. Numbers depend on the machine and
 * its load; compare the two strategies of one run, never across machines.
 */
@Tag("benchmark")
class ReserveThroughputBenchmarkTests extends InventoryIntegrationTest {

    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration MEASURED = Duration.ofSeconds(Long.getLong("benchmark.seconds", 6));

    @Test
    void reservesPerSecondOnOneHotDrop() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int threads : new int[] {16, 64, 256}) {
            for (var strategy : List.of(new Strategy("single-row", singleRow), new Strategy("batching", reserver))) {
                Result result = run(strategy.reserver(), threads);
                lines.add(String.format(
                        Locale.ROOT,
                        "%-10s threads=%3d  %8.0f reservations/s  (%d held, %d failed in %ds)",
                        strategy.name(),
                        threads,
                        result.held() / (double) MEASURED.toSeconds(),
                        result.held(),
                        result.failed(),
                        MEASURED.toSeconds()));
                System.out.println(lines.getLast());
            }
        }
        java.nio.file.Files.write(java.nio.file.Path.of("target", "reserve-throughput.txt"), lines);
        assertThat(lines).isNotEmpty();
    }

    private record Strategy(String name, Reserver reserver) {}

    private record Result(long held, long failed) {}

    private Result run(Reserver reserver, int threads) throws Exception {
        UUID dropId = drops.live(50_000_000, 1, null);
        Instant expiresAt = Instant.now().plusSeconds(3600);
        AtomicLong held = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + WARM_UP.toNanos();
        long until = measureFrom + MEASURED.toNanos();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    go.await();
                    long now;
                    while ((now = System.nanoTime()) < until) {
                        try {
                            reserver.reserve(new ReserveCommand(
                                    UUID.randomUUID(), dropId, "b-" + UUID.randomUUID(), 1, expiresAt));
                            if (now >= measureFrom && System.nanoTime() < until) {
                                held.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            go.countDown();
        }
        return new Result(held.get(), failed.get());
    }
}

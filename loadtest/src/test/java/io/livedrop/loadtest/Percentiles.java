package io.livedrop.loadtest;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** Nearest-rank percentiles of a set of millisecond samples. */
public final class Percentiles {

    private final long[] sorted;

    public Percentiles(Collection<Long> samples) {
        sorted = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
    }

    public long at(double percentile) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    @Override
    public String toString() {
        if (sorted.length == 0) {
            return "no samples";
        }
        return String.format(
                Locale.ROOT,
                "n=%d min=%d p50=%d p95=%d p99=%d max=%d ms",
                sorted.length,
                sorted[0],
                at(50),
                at(95),
                at(99),
                sorted[sorted.length - 1]);
    }
}

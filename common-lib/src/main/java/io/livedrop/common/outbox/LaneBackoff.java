package io.livedrop.common.outbox;

import java.time.Duration;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Per-lane exponential back-off: a lane whose batch failed waits 2x longer each time, up to a cap
 * (Spring's {@link ExponentialBackOff}, one execution per failing lane); a success starts it over.
 */
final class LaneBackoff {

    private final ExponentialBackOff backOff;
    private final BackOffExecution[] failing;
    private final long[] pausedUntilNanos;

    LaneBackoff(int lanes, Duration initial, Duration max) {
        this.backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
        this.backOff.setMaxInterval(max.toMillis());
        this.failing = new BackOffExecution[lanes];
        this.pausedUntilNanos = new long[lanes];
    }

    boolean mayRun(int lane) {
        return failing[lane] == null || System.nanoTime() - pausedUntilNanos[lane] >= 0;
    }

    void succeeded(int lane) {
        failing[lane] = null;
    }

    Duration failed(int lane) {
        if (failing[lane] == null) {
            failing[lane] = backOff.start();
        }
        Duration pause = Duration.ofMillis(failing[lane].nextBackOff());
        pausedUntilNanos[lane] = System.nanoTime() + pause.toNanos();
        return pause;
    }
}

package io.livedrop.common.outbox;

import java.time.Duration;

/** Per-lane exponential back-off: a lane whose batch failed waits 2x longer each time, up to a cap. */
final class LaneBackoff {

    private final long[] pausedUntilNanos;
    private final Duration[] currentPause;
    private final Duration initial;
    private final Duration max;

    LaneBackoff(int lanes, Duration initial, Duration max) {
        this.pausedUntilNanos = new long[lanes];
        this.currentPause = new Duration[lanes];
        this.initial = initial;
        this.max = max;
    }

    boolean mayRun(int lane) {
        return currentPause[lane] == null || System.nanoTime() - pausedUntilNanos[lane] >= 0;
    }

    void succeeded(int lane) {
        currentPause[lane] = null;
    }

    Duration failed(int lane) {
        Duration pause = currentPause[lane] == null ? initial : currentPause[lane].multipliedBy(2);
        if (pause.compareTo(max) > 0) {
            pause = max;
        }
        currentPause[lane] = pause;
        pausedUntilNanos[lane] = System.nanoTime() + pause.toNanos();
        return pause;
    }
}

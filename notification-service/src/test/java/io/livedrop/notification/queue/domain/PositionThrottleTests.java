package io.livedrop.notification.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.notification.delivery.domain.LiveFrame;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PositionThrottleTests {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicInteger superseded = new AtomicInteger();
    private final PositionThrottle throttle = new PositionThrottle(SECOND, superseded::incrementAndGet);

    @Test
    void theFirstPositionOfATicketGoesOutAtOnce() {
        assertThat(throttle.pass(frame("t1", 5), 0)).isTrue();
        assertThat(throttle.pass(frame("t2", 9), 10)).isTrue();
    }

    @Test
    void aPositionWithinTheIntervalIsHeldAndTheNewestGoesOutWhenItIsOver() {
        throttle.pass(frame("t1", 5), 0);

        assertThat(throttle.pass(frame("t1", 4), SECOND / 4)).isFalse();
        assertThat(throttle.pass(frame("t1", 3), SECOND / 2)).isFalse();
        assertThat(throttle.due(SECOND - 1)).isEmpty();

        assertThat(throttle.due(SECOND)).containsExactly(frame("t1", 3));
        assertThat(superseded).hasValue(1);
        // the held one counted as sent: the next is held again for a whole interval
        assertThat(throttle.pass(frame("t1", 2), SECOND + 1)).isFalse();
    }

    @Test
    void aPositionAfterTheIntervalGoesOutAtOnceAndReplacesAHeldOne() {
        throttle.pass(frame("t1", 5), 0);
        throttle.pass(frame("t1", 4), SECOND / 2);

        assertThat(throttle.pass(frame("t1", 3), SECOND)).isTrue();
        assertThat(throttle.due(2 * SECOND)).isEmpty();
        assertThat(superseded).hasValue(1);
    }

    @Test
    void forgettingATicketDropsWhatWasHeldForIt() {
        throttle.pass(frame("t1", 5), 0);
        throttle.pass(frame("t1", 4), 1);

        throttle.forget("t1");

        assertThat(throttle.due(2 * SECOND)).isEmpty();
        assertThat(throttle.pass(frame("t1", 3), 2)).isTrue();
    }

    @Test
    void quietTicketsAreForgotten() {
        throttle.pass(frame("t1", 5), 0);
        throttle.pass(frame("t2", 5), 0);

        throttle.due(SECOND);

        assertThat(throttle.size()).isZero();
    }

    private static QueueFrame frame(String ticketId, long position) {
        return new QueueFrame(
                "user", ticketId, new LiveFrame("queue.position", Instant.EPOCH, "\"position\":" + position + "}"));
    }
}

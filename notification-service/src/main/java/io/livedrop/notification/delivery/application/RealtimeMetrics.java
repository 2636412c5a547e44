package io.livedrop.notification.delivery.application;

import io.livedrop.notification.delivery.domain.CloseReason;
import io.livedrop.notification.delivery.domain.Transport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * What operators watch: open connections by transport, delivery latency from the event's time to
 * the frame written ({@code livedrop_notification_delivery_seconds}, with a percentiles histogram
 * for p50/p99 in Prometheus), clients dropped for being slow or dead, connections refused at set-up
 * because the database stayed busy ({@code livedrop_notification_setup_busy_total}), replayed
 * frames, streams ended by their token's expiry or replaced by a newer stream of the same user
 * ({@code livedrop_notification_streams_ended_total{reason="token_expired"|"replaced"}}), and live-only
 * frames written, e.g. the waiting room's ({@code livedrop_notification_live_frames_total{type}}).
 */
@Component
public class RealtimeMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Transport, AtomicInteger> open = new EnumMap<>(Transport.class);
    private final Map<Transport, Timer> delivery = new EnumMap<>(Transport.class);
    private final Counter replayed;
    private final Counter setupBusy;

    RealtimeMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        for (Transport transport : Transport.values()) {
            AtomicInteger count = new AtomicInteger();
            open.put(transport, count);
            Gauge.builder("livedrop.notification.connections", count, AtomicInteger::get)
                    .description("Open realtime connections on this instance")
                    .tag("transport", transport.tag())
                    .register(registry);
            delivery.put(
                    transport,
                    Timer.builder("livedrop.notification.delivery")
                            .description("From the event's time to its frame written to the client")
                            .tag("transport", transport.tag())
                            .publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofMillis(1))
                            .maximumExpectedValue(Duration.ofSeconds(30))
                            .register(registry));
        }
        this.replayed = Counter.builder("livedrop.notification.replayed.events")
                .description("Frames sent to a connection that resumed after a lastEventId")
                .register(registry);
        this.setupBusy = Counter.builder("livedrop.notification.setup.busy")
                .description("Connections closed with 'try again later' because the database stayed busy during set-up")
                .register(registry);
    }

    void opened(Transport transport) {
        open.get(transport).incrementAndGet();
    }

    void closed(Transport transport) {
        open.get(transport).decrementAndGet();
    }

    public int openConnections(Transport transport) {
        return open.get(transport).get();
    }

    void delivered(Transport transport, Instant eventTime) {
        Duration latency = Duration.between(eventTime, clock.instant());
        delivery.get(transport).record(latency.isNegative() ? Duration.ZERO : latency);
    }

    void setupBusy() {
        setupBusy.increment();
    }

    void replayed() {
        replayed.increment();
    }

    /** A live-only frame ({@link io.livedrop.notification.delivery.domain.LiveFrame}) was written to the client. */
    void liveFrameSent(Transport transport, String type) {
        Counter.builder("livedrop.notification.live.frames")
                .description("Live-only frames (not stored, e.g. queue.position / queue.admitted) written to clients")
                .tag("transport", transport.tag())
                .tag("type", type)
                .register(registry)
                .increment();
    }

    /** A stream closed at its token's expiry, or replaced by a newer one of its user. */
    void ended(Transport transport, CloseReason reason) {
        Counter.builder("livedrop.notification.streams.ended")
                .description("Streams closed at their token's expiry or replaced by a newer stream of their user")
                .tag("transport", transport.tag())
                .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment();
    }

    void dropped(Transport transport, CloseReason reason) {
        Counter.builder("livedrop.notification.slow.clients.dropped")
                .description("Connections closed because the client fell behind or stopped answering")
                .tag("transport", transport.tag())
                .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment();
    }
}

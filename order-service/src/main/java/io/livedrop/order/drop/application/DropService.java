package io.livedrop.order.drop.application;

import io.livedrop.common.events.DropScheduled;
import io.livedrop.order.drop.persistence.DropInfoRepository;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Keeps order-service's copy of each drop ({@link DropInfoRepository}) as {@code drop.scheduled} tells it. */
@Service
public class DropService {

    private final DropInfoRepository drops;
    private final Clock clock;

    DropService(DropInfoRepository drops, Clock clock) {
        this.drops = drops;
        this.clock = clock;
    }

    /** A drop was created or rescheduled at {@code scheduledAt}; an older event than the last applied changes nothing. */
    public void scheduled(DropScheduled drop, Instant scheduledAt) {
        drops.save(drop, scheduledAt, clock.instant());
    }
}

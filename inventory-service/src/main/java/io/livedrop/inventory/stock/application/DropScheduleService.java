package io.livedrop.inventory.stock.application;

import io.livedrop.common.events.DropScheduled;
import io.livedrop.inventory.stock.domain.DropStock;
import io.livedrop.inventory.stock.domain.StockLevels;
import io.livedrop.inventory.stock.domain.StockSignal;
import io.livedrop.inventory.stock.persistence.DropStockRepository;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each drop's stock, window and limits in line with catalog's {@code drop.scheduled} and
 * {@code drop.ended}.
 *
 * <p>A reschedule replaces window and limits and changes the stock by the difference (see {@link
 * StockLevels#restockedTo}). Catalog allows changes only while a drop is upcoming and inventory takes
 * no reservation before {@code startsAt}, so normally nothing is held yet; if something is (clock
 * skew, a late event), holds and sales are kept and a decrease stops at what they committed.
 */
@Service
public class DropScheduleService {

    private static final Logger log = LoggerFactory.getLogger(DropScheduleService.class);

    private final DropStockRepository stock;

    public DropScheduleService(DropStockRepository stock) {
        this.stock = stock;
    }

    /**
     * @param scheduledAt the event's time: a redelivered older schedule never overwrites a newer one
     */
    @Transactional
    public void schedule(DropScheduled event, Instant scheduledAt) {
        UUID dropId = UUID.fromString(event.dropId());
        DropStock requested = new DropStock(
                dropId,
                StockLevels.initial(event.initialStock()),
                event.startsAt(),
                event.endsAt(),
                null,
                event.perUserLimit(),
                event.lowStockThreshold(),
                false,
                false,
                scheduledAt);
        if (stock.insert(requested)) {
            return;
        }
        DropStock current = stock.lock(dropId).orElseThrow();
        if (current.scheduledAt().isAfter(scheduledAt)) {
            log.info(
                    "Ignoring drop.scheduled of {} from {}: {} was applied already",
                    dropId,
                    scheduledAt,
                    current.scheduledAt());
            return;
        }
        StockLevels levels = current.levels().restockedTo(event.initialStock());
        if (levels.isClampedFrom(event.initialStock())) {
            log.warn(
                    "Drop {} rescheduled to stock {} but {} are already held or sold; stock stays {}",
                    dropId,
                    event.initialStock(),
                    current.levels().committed(),
                    levels.stock());
        }
        stock.reschedule(new DropStock(
                dropId,
                levels,
                event.startsAt(),
                event.endsAt(),
                current.endedAt(),
                event.perUserLimit(),
                event.lowStockThreshold(),
                StockSignal.stillLow(levels.available(), event.lowStockThreshold(), current.lowStockSignalled()),
                current.soldOutSignalled(),
                scheduledAt));
    }

    /** Reservations stop at once, even before {@code endsAt}; confirm, release and return go on. */
    @Transactional
    public void end(UUID dropId) {
        if (!stock.markEnded(dropId)) {
            log.warn("drop.ended for unknown drop {}", dropId);
        }
    }
}

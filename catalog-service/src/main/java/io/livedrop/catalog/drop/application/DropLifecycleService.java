package io.livedrop.catalog.drop.application;

import io.livedrop.catalog.browse.application.AfterCommit;
import io.livedrop.catalog.browse.application.CatalogCaches;
import io.livedrop.catalog.drop.persistence.DropLifecycleRepository;
import io.livedrop.common.events.DropEnded;
import io.livedrop.common.events.DropStarted;
import io.livedrop.common.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires {@code drop.started} and {@code drop.ended} exactly once per drop, whichever instance gets
 * there first, also late after an outage: due drops are claimed with {@code for update skip locked}
 * and marked fired in the same transaction that writes the event to the outbox. An instance that
 * crashes mid-way rolls back both; a second instance skips the rows the first one holds.
 *
 * <p>A drop whose whole window was missed gets both events, drop.started first; consumers can tell
 * from {@code endsAt} that it is already over.
 */
public class DropLifecycleService {

    private final DropLifecycleRepository repository;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final CatalogCaches caches;
    private final DropChangeSignals signals;
    private final Clock clock;
    private final int batchSize;

    public DropLifecycleService(
            DropLifecycleRepository repository,
            TransactionTemplate transactions,
            Outbox outbox,
            CatalogCaches caches,
            DropChangeSignals signals,
            Clock clock,
            int batchSize) {
        this.repository = repository;
        this.transactions = transactions;
        this.outbox = outbox;
        this.caches = caches;
        this.signals = signals;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Fires everything due now; returns the number of events written. */
    public int fireDue() {
        int fired = 0;
        int batch;
        do {
            batch = inTransaction(this::fireDueStarts);
            fired += batch;
        } while (batch == batchSize);
        do {
            batch = inTransaction(this::fireDueEnds);
            fired += batch;
        } while (batch == batchSize);
        return fired;
    }

    /** The earliest start or end that has not fired yet (null: nothing scheduled). */
    public Instant nextDue() {
        return repository.nextDue();
    }

    private int fireDueStarts() {
        Instant now = clock.instant();
        List<DropStarted> due = repository.claimDueStarts(now, batchSize);
        if (due.isEmpty()) {
            return 0;
        }
        for (DropStarted started : due) {
            outbox.publish(DropStarted.TOPIC, started.dropId(), started);
        }
        List<String> ids = due.stream().map(DropStarted::dropId).toList();
        repository.markStarted(ids, now);
        afterCommit(ids);
        return due.size();
    }

    private int fireDueEnds() {
        Instant now = clock.instant();
        List<String> due = repository.claimDueEnds(now, batchSize);
        if (due.isEmpty()) {
            return 0;
        }
        for (String dropId : due) {
            outbox.publish(DropEnded.TOPIC, dropId, new DropEnded(dropId));
        }
        repository.markEnded(due, now);
        afterCommit(due);
        return due.size();
    }

    /** The drops' cached bodies show the old status; the subscriptions hear of the change. */
    private void afterCommit(List<String> ids) {
        AfterCommit.run(() -> {
            caches.drops().evictAll(ids);
            signals.changed(ids);
        });
    }

    private int inTransaction(IntSupplier work) {
        Integer fired = transactions.execute(status -> work.getAsInt());
        return fired == null ? 0 : fired;
    }
}

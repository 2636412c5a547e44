package io.livedrop.common.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Deletes idempotency records past their retention, in bounded batches. */
public class IdempotencyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);
    private static final int BATCH = 5_000;

    private final IdempotencyStore store;

    public IdempotencyPurge(IdempotencyStore store) {
        this.store = store;
    }

    @Scheduled(
            initialDelayString = "${livedrop.idempotency.purge-interval:10m}",
            fixedDelayString = "${livedrop.idempotency.purge-interval:10m}")
    public void purge() {
        try {
            int total = 0;
            int purged;
            do {
                purged = store.purgeExpired(BATCH);
                total += purged;
            } while (purged == BATCH);
            if (total > 0) {
                log.debug("Purged {} expired idempotency records", total);
            }
        } catch (RuntimeException e) {
            log.warn("Idempotency purge failed: {}", e.getMessage());
        }
    }
}

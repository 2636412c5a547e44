package io.livedrop.inventory.reservation.application;

import io.livedrop.inventory.reservation.domain.ReserveCommand;
import io.livedrop.inventory.reservation.domain.ReserveResult;
import java.util.concurrent.CompletableFuture;

/** A reserve waiting in a {@link DropQueue}; its caller waits on {@code answer}. */
record PendingReserve(ReserveCommand command, CompletableFuture<ReserveResult> answer, long queuedAt) {

    PendingReserve(ReserveCommand command) {
        this(command, new CompletableFuture<>(), System.nanoTime());
    }
}

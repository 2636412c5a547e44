package io.livedrop.inventory.reservation.domain;

import io.livedrop.common.error.ApiException;

/**
 * The hot path: takes stock for a hold, or refuses with {@code DROP_NOT_FOUND}, {@code DROP_NOT_LIVE},
 * {@code SOLD_OUT} or {@code PER_USER_LIMIT_EXCEEDED}. One implementation per strategy, so the
 * single-row conditional update can be swapped for a bucketed or batching one on very hot drops
 * without touching the API, the transitions or the reaper.
 */
public interface Reserver {

    /**
     * Idempotent by reservation id: a known id returns the existing hold, whatever its state.
     *
     * @throws ApiException when the hold cannot be taken (nothing is changed then)
     */
    ReserveResult reserve(ReserveCommand command);
}

package io.livedrop.inventory.reservation.domain;

import io.livedrop.common.error.ApiException;

/** The answer to one reserve of a batch: a hold (new or known) or a refusal. */
public sealed interface ReserveOutcome {

    record Held(ReserveResult result) implements ReserveOutcome {}

    record Refused(ApiException refusal) implements ReserveOutcome {}
}

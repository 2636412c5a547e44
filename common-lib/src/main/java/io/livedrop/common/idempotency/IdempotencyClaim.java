package io.livedrop.common.idempotency;

import java.util.UUID;

/** What {@link IdempotencyStore#claim} decided for a request. */
public sealed interface IdempotencyClaim {

    /** The key was used before with this request and it completed: answer with the stored response. */
    record Replay(StoredResponse response) implements IdempotencyClaim {}

    /**
     * This request may run. {@code operationId} is the id of what it creates (an order, a payment): it is
     * fixed when the key is first claimed and kept when an abandoned attempt is taken over, so a resumed
     * attempt continues the same resource and never creates a second one.
     *
     * @param leaseOwner identifies this attempt; only its owner may complete the record
     * @param resumed whether an earlier attempt with this key was abandoned (crash) and is being taken over
     */
    record Execute(UUID operationId, UUID leaseOwner, boolean resumed) implements IdempotencyClaim {}
}

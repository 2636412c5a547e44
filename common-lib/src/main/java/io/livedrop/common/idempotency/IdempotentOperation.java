package io.livedrop.common.idempotency;

/**
 * The work behind an idempotent endpoint. It completes the attempt itself (in the transaction of its
 * state change) and returns the stored response; a 4xx {@link io.livedrop.common.error.ApiException}
 * it throws is stored by the executor, anything else frees the key.
 */
@FunctionalInterface
public interface IdempotentOperation {

    StoredResponse execute(IdempotentAttempt attempt);
}

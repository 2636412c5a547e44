package io.livedrop.common.idempotency;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a request under the Idempotency-Key semantics of API.md: the first request with a key runs the
 * operation and its 2xx/4xx answer is stored; the same request again gets that answer replayed
 * (with {@code Idempotent-Replayed: true}); another request with the key gets 422; a request while
 * the first is still running gets 409; a 5xx is not stored.
 */
public class IdempotentExecutor {

    private static final Logger log = LoggerFactory.getLogger(IdempotentExecutor.class);
    private static final int ROUNDS = 3;

    private final IdempotencyStore store;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    public IdempotentExecutor(IdempotencyStore store, TransactionTemplate transactions, JsonMapper json) {
        this.store = store;
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * Runs a {@code POST} of {@code scope} (the user) under its Idempotency-Key: the request is
     * fingerprinted from the method, {@code path} and the parsed {@code body}, and the answer — fresh,
     * replayed or a problem — comes back as the response to send. What a service's controller does for
     * every idempotent {@code POST}.
     */
    public ResponseEntity<String> post(
            String scope, IdempotencyKey key, String path, Object body, IdempotentOperation operation) {
        return execute(IdempotentRequest.of(scope, key, "POST", path, body, json), operation);
    }

    public ResponseEntity<String> execute(IdempotentRequest request, IdempotentOperation operation) {
        for (int round = 0; round < ROUNDS; round++) {
            IdempotencyClaim claim = store.claim(request);
            if (claim instanceof IdempotencyClaim.Replay replay) {
                return replay.response().toResponseEntity(true);
            }
            var attempt = new IdempotentAttempt(store, request, (IdempotencyClaim.Execute) claim, json);
            try {
                return operation.execute(attempt).toResponseEntity(false);
            } catch (IdempotencyLeaseLostException lost) {
                log.info("Idempotency lease lost for a request of {}; answering from the record", request.scope());
            } catch (ApiException rejected) {
                if (!rejected.code().status().is4xxClientError()) {
                    releaseQuietly(attempt);
                    throw rejected;
                }
                try {
                    return transactions
                            .execute(status -> attempt.completeWithProblem(rejected))
                            .toResponseEntity(false);
                } catch (IdempotencyLeaseLostException lost) {
                    log.info("Idempotency lease lost while storing a rejection; answering from the record");
                }
            } catch (RuntimeException failed) {
                releaseQuietly(attempt);
                throw failed;
            }
        }
        throw new ApiException(
                ErrorCode.IDEMPOTENCY_KEY_IN_USE, "A request with this Idempotency-Key is still being processed");
    }

    private void releaseQuietly(IdempotentAttempt attempt) {
        try {
            attempt.release();
        } catch (RuntimeException e) {
            // the lease will expire and the next request with the key takes it over
            log.warn("Could not release an idempotency key after a failure: {}", e.getMessage());
        }
    }
}

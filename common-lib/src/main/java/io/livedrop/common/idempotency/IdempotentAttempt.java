package io.livedrop.common.idempotency;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.Problems;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running attempt of an idempotent request, handed to the operation: the id of what it creates
 * and the means to store its answer in the same transaction as the state change.
 */
public final class IdempotentAttempt {

    private final IdempotencyStore store;
    private final IdempotentRequest request;
    private final IdempotencyClaim.Execute claim;
    private final JsonMapper json;

    IdempotentAttempt(
            IdempotencyStore store, IdempotentRequest request, IdempotencyClaim.Execute claim, JsonMapper json) {
        this.store = store;
        this.request = request;
        this.claim = claim;
        this.json = json;
    }

    /** The id of the resource this request creates; the same for every attempt under the key. */
    public UUID operationId() {
        return claim.operationId();
    }

    /** Whether an earlier attempt under this key died and this one continues it. */
    public boolean resumed() {
        return claim.resumed();
    }

    public IdempotentRequest request() {
        return request;
    }

    /**
     * Stores (and returns) a JSON response; call it inside the transaction of the state change so both
     * commit together. Throws {@link IdempotencyLeaseLostException} when another attempt owns the key.
     */
    public StoredResponse complete(HttpStatus status, Object body) {
        var response =
                new StoredResponse(status.value(), MediaType.APPLICATION_JSON_VALUE, json.writeValueAsString(body));
        store.complete(request, claim.leaseOwner(), response);
        return response;
    }

    /** Stores (and returns) a 4xx problem the way the shared error handler would render it. */
    public StoredResponse completeWithProblem(ApiException problem) {
        var detail = Problems.of(problem.code(), problem.getMessage(), request.path(), problem.violations());
        var response = new StoredResponse(
                problem.code().status().value(),
                MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                json.writeValueAsString(Problems.toJsonMap(detail)));
        store.complete(request, claim.leaseOwner(), response);
        return response;
    }

    /**
     * Ends this attempt without an answer while its effects elsewhere may exist: the next request with
     * the key continues the same operation id (see {@link IdempotencyStore#handBack}).
     */
    public void handBack() {
        store.handBack(request, claim.leaseOwner());
    }

    /** Frees the key (no stored answer); call it inside the transaction that undoes the attempt's effects. */
    public void release() {
        store.release(request, claim.leaseOwner());
    }
}

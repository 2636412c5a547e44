package io.livedrop.order.purchase.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Remembers, for a short while, that inventory answered {@code SOLD_OUT} for a drop, so the flood of
 * orders that follows a sell-out is refused in memory instead of each costing an idempotency record,
 * an order row, an inventory transaction and their undo.
 *
 * <p>PostgreSQL (inventory) stays the only source of truth: the gate only ever says "no", and only for
 * a quantity at least as large as one inventory refused. It forgets after {@code
 * ORDER_SOLD_OUT_RECHECK} (500 ms by default), so stock that comes back (an expired or cancelled hold)
 * is on sale again within that time: the next order goes to inventory and either gets it or closes
 * the gate again. Stock this instance itself gives back (a hold released or sold stock returned by
 * the saga: cancel, expiry) reopens the gate at once.
 *
 * <p>A request whose Idempotency-Key this instance has already seen is never refused here: it goes to
 * the idempotency store, which replays its stored answer (marked {@code Idempotent-Replayed}) as
 * API.md promises.
 */
@Component
public class SoldOutGate {

    private final Cache<String, Integer> refusedQuantity;
    private final Cache<String, Boolean> seenKeys;

    SoldOutGate(@Value("${livedrop.order.sold-out-recheck:500ms}") Duration recheckAfter) {
        this.refusedQuantity = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(recheckAfter)
                .build();
        this.seenKeys = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterWrite(Duration.ofHours(1))
                .build();
    }

    /** True when inventory just refused this drop for this quantity or less, and the key is new here. */
    public boolean refuses(String dropId, int quantity, String userId, String key) {
        Integer refused = refusedQuantity.getIfPresent(dropId);
        return refused != null && quantity >= refused && seenKeys.getIfPresent(userId + " " + key) == null;
    }

    /** The request went to the idempotency store under this key: its retries must be answered there. */
    public void keyUsed(String userId, String key) {
        seenKeys.put(userId + " " + key, Boolean.TRUE);
    }

    /** This instance gave stock of the drop back (released a hold, returned sold stock). */
    public void stockReturned(String dropId) {
        refusedQuantity.invalidate(dropId);
    }

    /** Inventory answered SOLD_OUT for {@code quantity} units of the drop. */
    void soldOut(String dropId, int quantity) {
        refusedQuantity.asMap().merge(dropId, quantity, Math::min);
    }
}

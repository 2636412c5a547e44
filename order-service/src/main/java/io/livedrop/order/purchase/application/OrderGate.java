package io.livedrop.order.purchase.application;

import io.livedrop.common.admission.AdmissionTokens;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.order.drop.domain.DropInfo;
import io.livedrop.order.drop.persistence.DropInfoRepository;
import io.livedrop.order.purchase.domain.PlaceOrder;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What an order must pass before it costs anything (no idempotency record, no row, no inventory call):
 * the waiting room's admission when the drop has one ({@code 403 ADMISSION_REQUIRED}) and the sold-out
 * gate ({@code 409 SOLD_OUT}). Neither answer is stored under the Idempotency-Key: the same request
 * later (admitted, or after stock came back) is judged afresh. An unknown drop passes: placing the
 * order answers it properly.
 */
@Component
public class OrderGate {

    private final DropInfoRepository drops;
    private final AdmissionTokens admissions;
    private final SoldOutGate soldOut;
    private final OrderMetrics metrics;

    OrderGate(DropInfoRepository drops, AdmissionTokens admissions, SoldOutGate soldOut, OrderMetrics metrics) {
        this.drops = drops;
        this.admissions = admissions;
        this.soldOut = soldOut;
        this.metrics = metrics;
    }

    /** Passes or throws; a request that passes has its key remembered (see {@link SoldOutGate}). */
    public void check(String userId, String key, PlaceOrder request, String admissionToken) {
        Optional<DropInfo> drop = drops.find(request.dropId());
        if (drop.isPresent()
                && drop.get().waitingRoom()
                && !admissions.admits(admissionToken, request.dropId(), userId)) {
            throw new ApiException(
                    ErrorCode.ADMISSION_REQUIRED,
                    "This drop has a waiting room: join it (POST /api/drops/" + request.dropId()
                            + "/queue) and send the admission token you get in " + AdmissionTokens.HEADER);
        }
        if (soldOut.refuses(request.dropId(), request.quantity(), userId, key)) {
            metrics.rejectedSoldOut();
            throw new ApiException(ErrorCode.SOLD_OUT, "Not enough stock left for this quantity");
        }
        soldOut.keyUsed(userId, key);
    }
}

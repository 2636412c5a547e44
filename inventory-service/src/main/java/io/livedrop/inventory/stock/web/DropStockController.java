package io.livedrop.inventory.stock.web;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.livedrop.inventory.stock.persistence.DropStockRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The exact counts of one drop, for other services (catalog serves a cached copy to clients). */
@RestController
class DropStockController {

    private final DropStockRepository stock;

    DropStockController(DropStockRepository stock) {
        this.stock = stock;
    }

    @GetMapping("/internal/inventory/drops/{dropId}")
    DropStockResponse drop(@PathVariable String dropId) {
        return Ids.parse(dropId)
                .flatMap(stock::find)
                .map(DropStockResponse::of)
                .orElseThrow(() -> new ApiException(ErrorCode.DROP_NOT_FOUND, "No stock is known for drop " + dropId));
    }
}

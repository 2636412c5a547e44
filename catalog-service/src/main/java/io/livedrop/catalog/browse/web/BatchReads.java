package io.livedrop.catalog.browse.web;

import io.livedrop.catalog.browse.domain.Validation;
import io.livedrop.common.web.BatchIds;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A batch read on a list endpoint ({@code GET /api/drops?ids=…}, {@code /api/products?ids=…}): the
 * ids name exactly what to answer, so a filter, limit or cursor of the list next to them would have
 * no meaning; it is a 400 rather than silently ignored.
 */
public final class BatchReads {

    private BatchReads() {}

    /** The ids asked for; 400 {@code VALIDATION_FAILED} for bad ids or any list parameter in {@code query}. */
    public static List<UUID> ids(List<String> ids, Map<String, ?> query, List<String> listParameters) {
        Validation validation = new Validation();
        for (String parameter : listParameters) {
            validation.check(!query.containsKey(parameter), parameter, "cannot be combined with ids");
        }
        validation.throwIfInvalid();
        return BatchIds.parse("ids", ids);
    }
}

package io.livedrop.catalog.browse.domain;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Where a keyset page continues: the sort time and the id of the last item served, as a list cursor
 * carries them (drops by start or end, products by creation).
 */
public record KeysetPosition(Instant time, UUID id) {

    /** From a decoded cursor's two parts; 400 {@code INVALID_CURSOR} when they are not a time and an id. */
    public static KeysetPosition parse(List<String> position) {
        Instant time;
        try {
            time = Instant.parse(position.get(0));
        } catch (DateTimeParseException e) {
            throw invalidCursor();
        }
        return new KeysetPosition(time, Ids.parse(position.get(1)).orElseThrow(KeysetPosition::invalidCursor));
    }

    private static ApiException invalidCursor() {
        return new ApiException(ErrorCode.INVALID_CURSOR, "The cursor is not valid for this list");
    }
}

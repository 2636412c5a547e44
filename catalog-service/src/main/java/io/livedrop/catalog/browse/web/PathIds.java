package io.livedrop.catalog.browse.web;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import java.util.UUID;

/** Ids from paths and query strings: one that is not a UUID names nothing that exists (404). */
public final class PathIds {

    private PathIds() {}

    public static UUID parseOr404(String value, ErrorCode notFound, String what) {
        return Ids.parse(value).orElseThrow(() -> new ApiException(notFound, what + " " + value + " does not exist"));
    }
}

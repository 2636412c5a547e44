package io.livedrop.common.web;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.ids.Ids;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ids of a batch read ({@code ?ids=a,b,c}, or the parameter repeated): 1 to {@value #MAX} UUIDs,
 * kept in the order asked, each once. A batch answers what exists and leaves the rest out, so a
 * malformed id cannot be treated as "names nothing" the way a single read treats it (404): it would
 * silently vanish from the answer and hide the client's bug. It is a 400 {@code VALIDATION_FAILED}.
 */
public final class BatchIds {

    /** The most ids one call may ask for, as for the {@code limit} of a page. */
    public static final int MAX = 100;

    private BatchIds() {}

    /**
     * The distinct ids of {@code parameter}, in the order asked. Spring binds {@code ids=a,b} as two
     * values but repeated parameters as one value each, which may still hold commas; both are split.
     */
    public static List<UUID> parse(String parameter, List<String> values) {
        List<String> entries = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String entry : value.split(",", -1)) {
                    entries.add(entry.strip());
                }
            }
        }
        if (entries.isEmpty() || entries.equals(List.of(""))) {
            throw ApiException.validation(parameter, "is required: 1 to " + MAX + " comma-separated ids");
        }
        if (entries.size() > MAX) {
            throw ApiException.validation(parameter, "at most " + MAX + " ids, got " + entries.size());
        }
        var ids = new LinkedHashSet<UUID>();
        for (int i = 0; i < entries.size(); i++) {
            int position = i + 1;
            ids.add(Ids.parse(entries.get(i))
                    .orElseThrow(() -> ApiException.validation(parameter, "entry " + position + " is not an id")));
        }
        return List.copyOf(ids);
    }

    /** The rows found for {@code ids} (in any order), in the order of {@code ids}; ids without a row are left out. */
    public static <T> List<T> inAskedOrder(List<UUID> ids, Collection<T> found, Function<T, UUID> idOf) {
        Map<UUID, T> byId = found.stream().collect(Collectors.toMap(idOf, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}

package io.livedrop.common.pagination;

import java.util.List;
import java.util.function.Function;

/** One page of a list endpoint: {@code {items, nextCursor}} ({@code null} on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only proves there
     * is a next page; the cursor points after the last row served.
     */
    public static <T> Page<T> fromLookahead(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new Page<>(items, cursorOf.apply(items.getLast()));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}

package io.livedrop.gateway.graphql.application;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.gateway.graphql.domain.Model;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;

/**
 * Relay connections over the services' keyset pages. A service hands out one cursor per page (the
 * position after its last item), while Relay gives every edge a cursor. An edge's cursor is therefore
 * the service cursor its page started from plus how many items of that page lie up to and including
 * the edge; resuming from it re-reads that page and skips them. The last edge of a full page gets the
 * service's own next-page cursor (skip 0), so paging with {@code endCursor} costs exactly one service
 * call per page, like REST. The service still checks its cursor ({@code INVALID_CURSOR}).
 */
public final class Pagination {

    static final int DEFAULT_FIRST = 20;
    static final int MAX_FIRST = 100;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Pagination() {}

    /**
     * One connection of at most {@code first} edges after {@code after}.
     *
     * @param fetch reads a service page: (service cursor or null, limit) → page
     */
    public static <T> Mono<Connection<T>> connection(
            Integer first, String after, BiFunction<String, Integer, Mono<Model.Page<T>>> fetch) {
        int size = pageSize(first);
        Position from = Position.decode(after);
        int limit = Math.min(MAX_FIRST, size + from.skip());
        return fetch.apply(from.serviceCursor(), limit).map(page -> connection(page, from, size));
    }

    static int pageSize(Integer first) {
        if (first == null) {
            return DEFAULT_FIRST;
        }
        if (first < 1 || first > MAX_FIRST) {
            throw ApiException.validation("first", "must be between 1 and " + MAX_FIRST);
        }
        return first;
    }

    private static <T> Connection<T> connection(Model.Page<T> page, Position from, int size) {
        List<T> items = page.items() == null ? List.of() : page.items();
        int start = Math.min(from.skip(), items.size());
        int end = Math.min(items.size(), start + size);
        List<Connection.Edge<T>> edges = new ArrayList<>(end - start);
        for (int index = start; index < end; index++) {
            boolean lastOfPage = index == items.size() - 1;
            Position next = lastOfPage && page.nextCursor() != null
                    ? new Position(page.nextCursor(), 0)
                    : new Position(from.serviceCursor(), index + 1);
            edges.add(new Connection.Edge<>(next.encode(), items.get(index)));
        }
        boolean hasNextPage = end < items.size() || page.nextCursor() != null;
        String endCursor = edges.isEmpty() ? after(from) : edges.getLast().cursor();
        return new Connection<>(edges, new Connection.PageInfo(hasNextPage, endCursor));
    }

    private static String after(Position from) {
        return from.serviceCursor() == null && from.skip() == 0 ? null : from.encode();
    }

    /** Where a connection resumes: a service cursor (null: the first page) and items to skip on it. */
    public record Position(String serviceCursor, int skip) {

        String encode() {
            String text = skip + ":" + (serviceCursor == null ? "" : serviceCursor);
            return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            if (cursor == null) {
                return new Position(null, 0);
            }
            try {
                String text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
                int colon = text.indexOf(':');
                int skip = Integer.parseInt(text.substring(0, colon));
                String serviceCursor = text.substring(colon + 1);
                if (skip < 0 || skip > MAX_FIRST) {
                    throw new IllegalArgumentException("skip out of range");
                }
                return new Position(serviceCursor.isEmpty() ? null : serviceCursor, skip);
            } catch (RuntimeException malformed) {
                throw new ApiException(ErrorCode.INVALID_CURSOR, "The cursor is not one this API handed out");
            }
        }
    }
}

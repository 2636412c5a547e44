package io.livedrop.gateway.graphql;

import java.util.List;

/** A Relay connection: the graph's shape of every list. */
record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    record Edge<T>(String cursor, T node) {}

    record PageInfo(boolean hasNextPage, String endCursor) {}
}

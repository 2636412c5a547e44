package io.livedrop.gateway.graphql.application;

import java.util.List;

/** A Relay connection: the graph's shape of every list. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public record Edge<T>(String cursor, T node) {}

    public record PageInfo(boolean hasNextPage, String endCursor) {}
}

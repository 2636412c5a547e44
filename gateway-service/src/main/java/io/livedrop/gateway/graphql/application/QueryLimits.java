package io.livedrop.gateway.graphql.application;

import graphql.ErrorClassification;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.schema.GraphQLTypeUtil;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.gateway.graphql.client.GraphQlProperties;
import java.util.List;
import java.util.Map;

/**
 * A query deeper than {@code livedrop.graphql.max-depth} or costlier than {@code max-cost} is refused
 * with {@code VALIDATION_FAILED} before any field is fetched, so no backend is called for it. Cost:
 * every field 1, plus what is under it; under a connection, that times its page size ({@code first},
 * default 20), so nesting lists multiplies as the backend work would. {@code GraphQlConfiguration}
 * registers both instrumentations.
 */
public final class QueryLimits {

    private QueryLimits() {}

    public static MaxQueryDepthInstrumentation maxQueryDepth(GraphQlProperties properties) {
        return new MaxQueryDepthInstrumentation(properties.maxDepth(), depth -> {
            throw rejected("The query nests " + depth.getDepth() + " levels; at most " + properties.maxDepth()
                    + " are allowed");
        });
    }

    public static MaxQueryComplexityInstrumentation maxQueryCost(GraphQlProperties properties) {
        return new MaxQueryComplexityInstrumentation(properties.maxCost(), QueryLimits::cost, complexity -> {
            throw rejected("The query costs " + complexity.getComplexity() + "; the budget is " + properties.maxCost()
                    + " (fields × page sizes): ask for fewer fields or smaller pages");
        });
    }

    static int cost(FieldComplexityEnvironment field, int childrenCost) {
        String typeName =
                GraphQLTypeUtil.unwrapAll(field.getFieldDefinition().getType()).getName();
        if (!typeName.endsWith("Connection")) {
            return 1 + childrenCost;
        }
        Object first = field.getArguments().get("first");
        int pageSize = first instanceof Integer size ? Math.max(1, size) : Pagination.DEFAULT_FIRST;
        // saturates instead of overflowing: any huge value is over the budget anyway
        return (int) Math.min(Integer.MAX_VALUE / 2, 1 + (long) Math.max(1, childrenCost) * pageSize);
    }

    private static AbortExecutionException rejected(String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorClassification.errorClassification("ValidationError"))
                .extensions(Map.of("code", ErrorCode.VALIDATION_FAILED.name()))
                .build()));
    }
}

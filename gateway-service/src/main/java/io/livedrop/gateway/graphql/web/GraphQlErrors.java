package io.livedrop.gateway.graphql.web;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.gateway.graphql.client.BackendProblemException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Every GraphQL error carries a REST code (API.md) in {@code extensions.code}: a service's problem
 * code as it answered it, the gateway's own {@link ApiException}s, and, for errors graphql-java and
 * Spring raise themselves, the code of their kind ({@link #withCode}).
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment env) {
        if (failure instanceof BackendProblemException problem) {
            return error(env, problem.getMessage(), problem.code(), problem.status());
        }
        if (failure instanceof ApiException api) {
            return error(
                    env,
                    api.getMessage(),
                    api.code().name(),
                    api.code().status().value());
        }
        return null;
    }

    private static GraphQLError error(DataFetchingEnvironment env, String message, String code, int status) {
        return GraphqlErrorBuilder.newError(env)
                .message(message)
                .errorType(classification(status))
                .extensions(Map.of("code", code, "status", status))
                .build();
    }

    private static ErrorClassification classification(int status) {
        return switch (status) {
            case 400, 409, 422 -> ErrorType.BAD_REQUEST;
            case 401 -> ErrorType.UNAUTHORIZED;
            case 403 -> ErrorType.FORBIDDEN;
            case 404 -> ErrorType.NOT_FOUND;
            default -> ErrorType.INTERNAL_ERROR;
        };
    }

    /** Adds {@code extensions.code} to the errors that have none yet. */
    static List<GraphQLError> withCode(List<GraphQLError> errors) {
        return errors.stream().map(GraphQlErrors::withCode).toList();
    }

    private static GraphQLError withCode(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions() == null ? Map.of() : error.getExtensions();
        if (extensions.containsKey("code")) {
            return error;
        }
        Map<String, Object> coded = new HashMap<>(extensions);
        coded.put("code", codeOf(error.getErrorType()));
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(coded)
                .build();
    }

    private static String codeOf(ErrorClassification kind) {
        String name = kind == null ? "" : kind.toString();
        return switch (name) {
            case "ValidationError", "InvalidSyntax", "OperationNotSupported", "BAD_REQUEST" ->
                ErrorCode.VALIDATION_FAILED.name();
            case "PersistedQueryNotFound" -> "PERSISTED_QUERY_NOT_FOUND";
            case "PersistedQueryIdInvalid" -> ErrorCode.VALIDATION_FAILED.name();
            case "UNAUTHORIZED" -> ErrorCode.UNAUTHENTICATED.name();
            case "FORBIDDEN" -> ErrorCode.FORBIDDEN.name();
            case "NOT_FOUND" -> ErrorCode.NOT_FOUND.name();
            default -> ErrorCode.INTERNAL_ERROR.name();
        };
    }
}

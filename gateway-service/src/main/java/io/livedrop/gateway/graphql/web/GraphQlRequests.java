package io.livedrop.gateway.graphql.web;

import io.livedrop.common.web.RequestIds;
import io.livedrop.gateway.graphql.client.Caller;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Hands the resolvers the caller ({@link Caller}, from the request's already verified {@code
 * Authorization} header and its request id) and gives every error of the answer its REST code.
 */
@Component
class GraphQlRequests implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        HttpHeaders headers = request.getHeaders();
        Caller caller = new Caller(headers.getFirst(HttpHeaders.AUTHORIZATION), headers.getFirst(RequestIds.HEADER));
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(Caller.CONTEXT_KEY, caller)).build());
        return chain.next(request)
                .map(response -> response.getErrors().isEmpty()
                        ? response
                        : response.transform(answer -> answer.errors(GraphQlErrors.withCode(
                                response.getExecutionResult().getErrors()))));
    }
}

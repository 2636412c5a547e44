package io.livedrop.gateway.graphql.client;

import io.livedrop.gateway.graphql.domain.Model.Batch;
import io.livedrop.gateway.graphql.domain.Model.Follow;
import io.livedrop.gateway.graphql.domain.Model.Page;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/** follower-service, always on behalf of the signed-in caller. */
public class FollowerClient {

    public static final String SERVICE = "follower-service";

    private static final ParameterizedTypeReference<Batch<Follow>> FOLLOWS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Page<Follow>> FOLLOW_PAGE = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Follow> FOLLOW = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Void> NOTHING = new ParameterizedTypeReference<>() {};

    private final Backends backends;

    public FollowerClient(Backends backends) {
        this.backends = backends;
    }

    /** Which of these creators the caller follows, in one call. */
    public Mono<Set<String>> followedAmong(Collection<String> creatorIds, Caller caller) {
        String ids = creatorIds.stream().distinct().collect(Collectors.joining(","));
        return backends.get(
                        SERVICE,
                        "/api/follows?creatorIds",
                        uri -> uri.path("/api/follows")
                                .queryParam("creatorIds", "{ids}")
                                .build(ids),
                        caller,
                        FOLLOWS)
                .map(batch -> batch.items().stream().map(Follow::creatorId).collect(Collectors.toSet()));
    }

    public Mono<Page<Follow>> following(String userId, String cursor, int limit, Caller caller) {
        return backends.get(
                SERVICE,
                "/api/users/{id}/following",
                uri -> {
                    uri.path("/api/users/{id}/following").queryParam("limit", limit);
                    if (cursor != null) {
                        uri.queryParam("cursor", "{cursor}");
                        return uri.build(userId, cursor);
                    }
                    return uri.build(userId);
                },
                caller,
                FOLLOW_PAGE);
    }

    public Mono<Follow> follow(String creatorId, Caller caller) {
        return backends.call(
                SERVICE,
                "/api/follows",
                HttpMethod.POST,
                uri -> uri.path("/api/follows").build(),
                Map.of("creatorId", creatorId),
                caller,
                FOLLOW);
    }

    public Mono<Void> unfollow(String creatorId, Caller caller) {
        return backends.call(
                SERVICE,
                "/api/follows/{creatorId}",
                HttpMethod.DELETE,
                uri -> uri.path("/api/follows/{creatorId}").build(creatorId),
                null,
                caller,
                NOTHING);
    }
}

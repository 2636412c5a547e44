package io.livedrop.gateway.graphql.web;

import io.livedrop.common.error.ApiException;
import io.livedrop.gateway.graphql.application.Connection;
import io.livedrop.gateway.graphql.application.Pagination;
import io.livedrop.gateway.graphql.client.Caller;
import io.livedrop.gateway.graphql.client.CatalogClient;
import io.livedrop.gateway.graphql.client.CatalogClient.DropFilter;
import io.livedrop.gateway.graphql.client.FollowerClient;
import io.livedrop.gateway.graphql.domain.Model.Creator;
import io.livedrop.gateway.graphql.domain.Model.Drop;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Creators, whether the caller follows them (one follower call per query level), and follow/unfollow. */
@Controller
class CreatorController {

    private final CatalogClient catalog;
    private final FollowerClient follower;

    CreatorController(CatalogClient catalog, FollowerClient follower) {
        this.catalog = catalog;
        this.follower = follower;
    }

    @QueryMapping
    Mono<Creator> creator(@Argument String id, @Argument String handle, @ContextValue Caller caller) {
        if ((id == null) == (handle == null)) {
            throw ApiException.validation("id", "give exactly one of id and handle");
        }
        return id != null ? catalog.creator(id, caller) : catalog.creatorByHandle(handle, caller);
    }

    @BatchMapping(typeName = "Creator")
    Mono<Map<Creator, Boolean>> viewerFollows(List<Creator> creators, org.dataloader.BatchLoaderEnvironment env) {
        Caller caller = Caller.of(env.getContext());
        if (!caller.signedIn()) {
            return Mono.just(Map.of());
        }
        List<String> ids = creators.stream().map(Creator::id).toList();
        return follower.followedAmong(ids, caller).map(followed -> {
            Map<Creator, Boolean> answers = new HashMap<>();
            creators.forEach(creator -> answers.put(creator, followed.contains(creator.id())));
            return answers;
        });
    }

    @SchemaMapping(typeName = "Creator")
    Mono<Connection<Drop>> drops(
            Creator creator,
            @Argument String status,
            @Argument Integer first,
            @Argument String after,
            @ContextValue Caller caller) {
        DropFilter filter = new DropFilter(status, creator.id(), null);
        return Pagination.connection(first, after, (cursor, limit) -> catalog.drops(filter, cursor, limit, caller));
    }

    @MutationMapping
    Mono<Creator> follow(@Argument String creatorId, @ContextValue Caller caller) {
        SignedIn.require(caller);
        return follower.follow(creatorId, caller).then(currentProfile(creatorId, caller));
    }

    @MutationMapping
    Mono<Creator> unfollow(@Argument String creatorId, @ContextValue Caller caller) {
        SignedIn.require(caller);
        return follower.unfollow(creatorId, caller).then(currentProfile(creatorId, caller));
    }

    private Mono<Creator> currentProfile(String creatorId, Caller caller) {
        return catalog.creator(creatorId, caller)
                .switchIfEmpty(Mono.error(() ->
                        new ApiException(io.livedrop.common.error.ErrorCode.CREATOR_NOT_FOUND, "Creator not found")));
    }
}

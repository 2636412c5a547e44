package io.livedrop.gateway.graphql.web;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.gateway.graphql.application.Connection;
import io.livedrop.gateway.graphql.application.Pagination;
import io.livedrop.gateway.graphql.client.Caller;
import io.livedrop.gateway.graphql.client.CatalogClient;
import io.livedrop.gateway.graphql.client.CatalogClient.DropFilter;
import io.livedrop.gateway.graphql.client.DropUpdates;
import io.livedrop.gateway.graphql.domain.Model.Creator;
import io.livedrop.gateway.graphql.domain.Model.Drop;
import io.livedrop.gateway.graphql.domain.Model.Product;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drops: the queries, the live subscription, and a drop's product and creator. A drop from catalog
 * embeds its product's and creator's summary fields; only a query that asks for more (a description,
 * a bio, a follower count, ...) makes the batch loaders fetch the full records, one call per query
 * level however many drops are listed.
 */
@Controller
class DropController {

    private static final Set<String> PRODUCT_SUMMARY = Set.of("id", "title", "priceCents", "currency", "imageUrl");
    private static final Set<String> CREATOR_SUMMARY = Set.of("id", "handle", "displayName", "viewerFollows", "drops");

    private final CatalogClient catalog;
    private final DropUpdates updates;
    private final JsonMapper json;

    DropController(CatalogClient catalog, DropUpdates updates, JsonMapper json) {
        this.catalog = catalog;
        this.updates = updates;
        this.json = json;
    }

    @QueryMapping
    Mono<Drop> drop(@Argument String id, @ContextValue Caller caller) {
        return catalog.drop(id, caller);
    }

    @QueryMapping
    Mono<Connection<Drop>> drops(
            @Argument String status,
            @Argument String creatorId,
            @Argument Boolean followed,
            @Argument Integer first,
            @Argument String after,
            @ContextValue Caller caller) {
        if (Boolean.TRUE.equals(followed) && !caller.signedIn()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "followed: true needs a signed-in caller");
        }
        DropFilter filter = new DropFilter(status, creatorId, followed);
        return Pagination.connection(first, after, (cursor, limit) -> catalog.drops(filter, cursor, limit, caller));
    }

    @SubscriptionMapping
    Flux<Drop> dropUpdates(@Argument String dropId, @ContextValue Caller caller) {
        Mono<Drop> current = catalog.drop(dropId, caller)
                .switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.DROP_NOT_FOUND, "Drop not found")));
        Flux<Drop> changes = updates.changes(dropId).map(change -> json.readValue(change, Drop.class));
        // both subscribed at once, the current state first: no change between the read and the
        // subscription is lost; a slow client skips to the latest state instead of queueing them all
        return Flux.mergeSequential(current, changes).onBackpressureLatest().distinctUntilChanged();
    }

    @SchemaMapping(typeName = "Drop")
    String status(Drop drop) {
        return drop.status().toUpperCase(Locale.ROOT);
    }

    @SchemaMapping(typeName = "Drop")
    CompletableFuture<Product> product(
            Drop drop, DataFetchingFieldSelectionSet selection, DataLoader<String, Product> products) {
        return summaryOrLoaded(selection, PRODUCT_SUMMARY, drop.product(), products, drop.productId());
    }

    @SchemaMapping(typeName = "Drop")
    CompletableFuture<Creator> creator(
            Drop drop, DataFetchingFieldSelectionSet selection, DataLoader<String, Creator> creators) {
        return summaryOrLoaded(selection, CREATOR_SUMMARY, drop.creator(), creators, drop.creatorId());
    }

    /** The drop's embedded summary when it has every field asked for, else the full record, batched. */
    private static <T> CompletableFuture<T> summaryOrLoaded(
            DataFetchingFieldSelectionSet selection,
            Set<String> summaryFields,
            T summary,
            DataLoader<String, T> loader,
            String id) {
        return asksOnlyFor(selection, summaryFields) ? CompletableFuture.completedFuture(summary) : loader.load(id);
    }

    private static boolean asksOnlyFor(DataFetchingFieldSelectionSet selection, Set<String> available) {
        return selection.getImmediateFields().stream()
                .allMatch(field ->
                        available.contains(field.getName()) || field.getName().startsWith("__"));
    }
}

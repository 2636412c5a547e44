package io.livedrop.gateway.graphql.web;

import io.livedrop.gateway.graphql.application.Connection;
import io.livedrop.gateway.graphql.application.Pagination;
import io.livedrop.gateway.graphql.client.AccountClient;
import io.livedrop.gateway.graphql.client.Caller;
import io.livedrop.gateway.graphql.client.CatalogClient;
import io.livedrop.gateway.graphql.client.FollowerClient;
import io.livedrop.gateway.graphql.domain.Model.Creator;
import io.livedrop.gateway.graphql.domain.Model.Drop;
import io.livedrop.gateway.graphql.domain.Model.Follow;
import io.livedrop.gateway.graphql.domain.Model.Notification;
import io.livedrop.gateway.graphql.domain.Model.Order;
import io.livedrop.gateway.graphql.domain.Model.Page;
import io.livedrop.gateway.graphql.domain.Model.Viewer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The signed-in caller: profile, orders (each with its drop, batched), followed creators, inbox. */
@Controller
class ViewerController {

    private final AccountClient account;
    private final FollowerClient follower;
    private final CatalogClient catalog;

    ViewerController(AccountClient account, FollowerClient follower, CatalogClient catalog) {
        this.account = account;
        this.follower = follower;
        this.catalog = catalog;
    }

    @QueryMapping
    Mono<Viewer> me(@ContextValue Caller caller) {
        return caller.signedIn() ? account.me(caller) : Mono.empty();
    }

    @SchemaMapping(typeName = "Viewer")
    Mono<Connection<Order>> orders(
            Viewer viewer, @Argument Integer first, @Argument String after, @ContextValue Caller caller) {
        return Pagination.connection(first, after, (cursor, limit) -> account.orders(cursor, limit, caller));
    }

    @SchemaMapping(typeName = "Viewer")
    Mono<Connection<Notification>> notifications(
            Viewer viewer, @Argument Integer first, @Argument String after, @ContextValue Caller caller) {
        return Pagination.connection(first, after, (cursor, limit) -> account.notifications(cursor, limit, caller));
    }

    /** One follower call for the page and one catalog call for all of its creators. */
    @SchemaMapping(typeName = "Viewer")
    Mono<Connection<Creator>> following(
            Viewer viewer, @Argument Integer first, @Argument String after, @ContextValue Caller caller) {
        return Pagination.connection(
                first,
                after,
                (cursor, limit) -> follower.following(viewer.id(), cursor, limit, caller)
                        .flatMap(page -> withCreators(page, caller)));
    }

    @SchemaMapping(typeName = "Order")
    CompletableFuture<Drop> drop(Order order, DataLoader<String, Drop> drops) {
        return drops.load(order.dropId());
    }

    @SchemaMapping(typeName = "Notification")
    String data(Notification notification) {
        return notification.data() == null ? "{}" : notification.data().toString();
    }

    private Mono<Page<Creator>> withCreators(Page<Follow> page, Caller caller) {
        List<String> ids = page.items().stream().map(Follow::creatorId).toList();
        if (ids.isEmpty()) {
            return Mono.just(new Page<>(List.of(), page.nextCursor()));
        }
        return catalog.creatorsByIds(ids, caller).map(creators -> {
            Map<String, Creator> byId = creators.stream().collect(Collectors.toMap(Creator::id, Function.identity()));
            // a creator catalog no longer knows is left out rather than failing the whole page
            List<Creator> inOrder =
                    ids.stream().map(byId::get).filter(Objects::nonNull).toList();
            return new Page<>(inOrder, page.nextCursor());
        });
    }
}

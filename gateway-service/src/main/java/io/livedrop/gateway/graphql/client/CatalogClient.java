package io.livedrop.gateway.graphql.client;

import io.livedrop.gateway.graphql.domain.Model.Batch;
import io.livedrop.gateway.graphql.domain.Model.Creator;
import io.livedrop.gateway.graphql.domain.Model.Drop;
import io.livedrop.gateway.graphql.domain.Model.Page;
import io.livedrop.gateway.graphql.domain.Model.Product;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import reactor.core.publisher.Mono;

/**
 * catalog-service's public reads. Caller-independent reads go without the caller's token, so catalog
 * answers them from its caches exactly as it answers anonymous REST calls; only {@code followed=true}
 * carries it.
 */
public class CatalogClient {

    public static final String SERVICE = "catalog-service";

    private static final ParameterizedTypeReference<Page<Drop>> DROP_PAGE = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Batch<Drop>> DROPS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Batch<Creator>> CREATORS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Batch<Product>> PRODUCTS = new ParameterizedTypeReference<>() {};
    private static final Caller ANONYMOUS = new Caller(null, null);

    private final Backends backends;

    public CatalogClient(Backends backends) {
        this.backends = backends;
    }

    /** The drop, or empty when there is none. */
    public Mono<Drop> drop(String id, Caller caller) {
        return item("/api/drops", id, caller, Drop.class);
    }

    public Mono<Page<Drop>> drops(DropFilter filter, String cursor, int limit, Caller caller) {
        Caller forwarded = Boolean.TRUE.equals(filter.followed()) ? caller : publicCall(caller);
        return backends.get(
                SERVICE,
                "/api/drops",
                uri -> {
                    // values go in as template variables, so they are encoded and never read as templates
                    Map<String, Object> values = new HashMap<>();
                    uri.path("/api/drops").queryParam("limit", limit);
                    if (filter.status() != null) {
                        uri.queryParam("status", "{status}");
                        values.put("status", filter.status().toLowerCase(Locale.ROOT));
                    }
                    if (filter.creatorId() != null) {
                        uri.queryParam("creatorId", "{creatorId}");
                        values.put("creatorId", filter.creatorId());
                    }
                    if (Boolean.TRUE.equals(filter.followed())) {
                        uri.queryParam("followed", true);
                    }
                    if (cursor != null) {
                        uri.queryParam("cursor", "{cursor}");
                        values.put("cursor", cursor);
                    }
                    return uri.build(values);
                },
                forwarded,
                DROP_PAGE);
    }

    public Mono<List<Drop>> dropsByIds(Collection<String> ids, Caller caller) {
        return byIds("/api/drops", ids, caller, DROPS, Drop.class);
    }

    public Mono<List<Creator>> creatorsByIds(Collection<String> ids, Caller caller) {
        return byIds("/api/creators", ids, caller, CREATORS, Creator.class);
    }

    public Mono<List<Product>> productsByIds(Collection<String> ids, Caller caller) {
        return byIds("/api/products", ids, caller, PRODUCTS, Product.class);
    }

    public Mono<Creator> creator(String id, Caller caller) {
        return item("/api/creators", id, caller, Creator.class);
    }

    /** {@code GET <collection>/{id}}, answered from catalog's read cache; empty when there is none. */
    private <T> Mono<T> item(String collection, String id, Caller caller, Class<T> type) {
        return notFoundAsEmpty(backends.get(
                SERVICE,
                collection + "/{id}",
                uri -> uri.path(collection + "/{id}").build(id),
                publicCall(caller),
                type));
    }

    public Mono<Creator> creatorByHandle(String handle, Caller caller) {
        return backends.get(
                        SERVICE,
                        "/api/creators?handle",
                        uri -> uri.path("/api/creators")
                                .queryParam("handle", "{handle}")
                                .build(handle),
                        publicCall(caller),
                        CREATORS)
                .flatMap(batch -> Mono.justOrEmpty(batch.items().stream().findFirst()));
    }

    /**
     * One call for all ids. A single id (a drop page) is read with the item's own endpoint instead,
     * which catalog answers from its read cache (a batch read goes to the database).
     */
    private <T> Mono<List<T>> byIds(
            String path,
            Collection<String> ids,
            Caller caller,
            ParameterizedTypeReference<Batch<T>> type,
            Class<T> itemType) {
        List<String> distinct = ids.stream().distinct().toList();
        if (distinct.size() == 1) {
            return item(path, distinct.getFirst(), caller, itemType)
                    .map(List::of)
                    .defaultIfEmpty(List.of());
        }
        String joined = String.join(",", distinct);
        Function<org.springframework.web.util.UriBuilder, java.net.URI> uri =
                builder -> builder.path(path).queryParam("ids", "{ids}").build(joined);
        return backends.get(SERVICE, path + "?ids", uri, publicCall(caller), type)
                .map(batch -> batch.items() == null ? List.<T>of() : batch.items());
    }

    /** The request id travels; the token does not (the answer is the same for everyone). */
    private static Caller publicCall(Caller caller) {
        return caller.requestId() == null ? ANONYMOUS : new Caller(null, caller.requestId());
    }

    private static <T> Mono<T> notFoundAsEmpty(Mono<T> call) {
        return call.onErrorResume(
                BackendProblemException.class, problem -> problem.notFound() ? Mono.empty() : Mono.error(problem));
    }

    /** The filters of a drop list; {@code status} as the graph spells it (UPCOMING, LIVE, ENDED). */
    public record DropFilter(String status, String creatorId, Boolean followed) {}
}

package io.livedrop.gateway.graphql.application;

import io.livedrop.gateway.graphql.client.Caller;
import io.livedrop.gateway.graphql.client.CatalogClient;
import io.livedrop.gateway.graphql.domain.Model.Creator;
import io.livedrop.gateway.graphql.domain.Model.Drop;
import io.livedrop.gateway.graphql.domain.Model.Product;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.BatchLoaderEnvironment;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every product, creator and drop one query level needs is fetched with one catalog call ({@code
 * ?ids=}, at most 100 ids per call): a feed of 20 drops costs one call for their creators, not 20.
 */
@Component
class CatalogBatchLoaders {

    private static final int MAX_IDS_PER_CALL = 100;

    public CatalogBatchLoaders(BatchLoaderRegistry registry, CatalogClient catalog) {
        register(registry, Product.class, catalog::productsByIds, Product::id);
        register(registry, Creator.class, catalog::creatorsByIds, Creator::id);
        register(registry, Drop.class, catalog::dropsByIds, Drop::id);
    }

    private static <T> void register(
            BatchLoaderRegistry registry,
            Class<T> type,
            BiFunction<Collection<String>, Caller, Mono<List<T>>> byIds,
            Function<T, String> idOf) {
        registry.forTypePair(String.class, type)
                .withOptions(options -> options.setMaxBatchSize(MAX_IDS_PER_CALL))
                .registerMappedBatchLoader((Set<String> ids, BatchLoaderEnvironment env) -> byIds.apply(
                                ids, Caller.of(env.getContext()))
                        .map(items ->
                                items.stream().collect(Collectors.toMap(idOf, Function.identity(), (a, b) -> a))));
    }
}

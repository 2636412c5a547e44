package io.livedrop.gateway.config;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import io.livedrop.gateway.graphql.application.QueryLimits;
import io.livedrop.gateway.graphql.client.AccountClient;
import io.livedrop.gateway.graphql.client.Backends;
import io.livedrop.gateway.graphql.client.CatalogClient;
import io.livedrop.gateway.graphql.client.DropUpdates;
import io.livedrop.gateway.graphql.client.FollowerClient;
import io.livedrop.gateway.graphql.client.GraphQlProperties;
import io.livedrop.gateway.graphql.web.ParsedDocuments;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The GraphQL endpoint's collaborators: the backend clients, the Redis channel of drop changes and the
 * query limits ({@link QueryLimits}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlProperties.class)
class GraphQlConfiguration {

    @Bean
    Backends graphQlBackends(
            WebClient.Builder webClients,
            GraphQlProperties properties,
            ReactiveCircuitBreakerFactory<?, ?> breakers,
            MeterRegistry meters,
            ObjectProvider<ReactorLoadBalancerExchangeFilterFunction> loadBalancer) {
        return new Backends(webClients, properties, breakers, meters, loadBalancer);
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(GraphQlProperties properties) {
        return QueryLimits.maxQueryDepth(properties);
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryCost(GraphQlProperties properties) {
        return QueryLimits.maxQueryCost(properties);
    }

    @Bean
    GraphQlSourceBuilderCustomizer rememberParsedDocuments(GraphQlProperties properties) {
        return source -> source.configureGraphQl(
                graphQl -> graphQl.preparsedDocumentProvider(new ParsedDocuments(properties.persistedQueries())));
    }

    @Bean
    CatalogClient catalogClient(Backends backends) {
        return new CatalogClient(backends);
    }

    @Bean
    FollowerClient followerClient(Backends backends) {
        return new FollowerClient(backends);
    }

    @Bean
    DropUpdates dropUpdates(
            ReactiveRedisConnectionFactory redis, @Value("${livedrop.redis.key-prefix}") String keyPrefix) {
        return new DropUpdates(redis, keyPrefix);
    }

    @Bean
    AccountClient accountClient(Backends backends) {
        return new AccountClient(backends);
    }
}

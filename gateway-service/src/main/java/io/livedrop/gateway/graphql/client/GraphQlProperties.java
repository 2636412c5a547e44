package io.livedrop.gateway.graphql.client;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The GraphQL endpoint's limits and the services its resolvers call.
 *
 * @param maxDepth deepest field nesting a query may have (API.md: 10)
 * @param maxCost the cost budget: every field costs 1, and a connection multiplies what is under it
 *     by its page size ({@code first}, default 20)
 * @param backendTimeout how long one backend call may take before the field fails with {@code
 *     GATEWAY_TIMEOUT}
 * @param persistedQueries how many automatic persisted queries an instance remembers (least recently
 *     used go first; a client whose hash was forgotten sends the text again)
 * @param backends base URL per service name (catalog, follower, auth, order, notification)
 */
@ConfigurationProperties("livedrop.graphql")
public record GraphQlProperties(
        int maxDepth, int maxCost, Duration backendTimeout, int persistedQueries, Map<String, String> backends) {}

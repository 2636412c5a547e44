package io.livedrop.gateway.graphql.client;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.publisher.Flux;

/**
 * The changes of a drop, as catalog-service announces them. catalog publishes the drop's public JSON
 * on the Redis channel {@code <prefix>drop-updates:<dropId>} after every change it applies that a buyer
 * sees: stock reported by inventory ({@code stock.changed}, {@code sold_out}), the start and end of the
 * sale, a reschedule. catalog is the service that already consumes those events and owns the drop;
 * Redis pub/sub reaches every gateway instance, and each forwards a message only to its own
 * subscribers, without calling any service.
 *
 * <p>The Redis subscription connection is opened with the first subscription, not at start-up: the
 * gateway starts and serves everything else while Redis is away, and a subscription then fails with
 * {@code SERVICE_UNAVAILABLE}.
 */
public class DropUpdates implements DisposableBean {

    private final ReactiveRedisConnectionFactory redis;
    private final String channelPrefix;
    private volatile ReactiveRedisMessageListenerContainer container;

    public DropUpdates(ReactiveRedisConnectionFactory redis, String keyPrefix) {
        this.redis = redis;
        this.channelPrefix = keyPrefix + "drop-updates:";
    }

    /** Each message is the drop's JSON as {@code GET /api/drops/{id}} shows it. */
    public Flux<String> changes(String dropId) {
        return Flux.defer(() -> container().receive(ChannelTopic.of(channelPrefix + dropId)))
                .map(message -> message.getMessage())
                .onErrorMap(
                        failure -> !(failure instanceof ApiException),
                        failure -> new ApiException(
                                ErrorCode.SERVICE_UNAVAILABLE, "Live drop updates are unavailable; retry shortly"));
    }

    private ReactiveRedisMessageListenerContainer container() {
        ReactiveRedisMessageListenerContainer current = container;
        if (current == null) {
            synchronized (this) {
                current = container;
                if (current == null) {
                    current = new ReactiveRedisMessageListenerContainer(redis);
                    container = current;
                }
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        ReactiveRedisMessageListenerContainer current = container;
        if (current != null) {
            current.destroy();
        }
    }
}

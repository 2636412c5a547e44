package io.livedrop.gateway.ratelimit.persistence;

import java.util.List;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;

/**
 * The template Spring Cloud Gateway's {@code RedisRateLimiter} runs its Lua script with, putting the
 * service's Redis key prefix ({@code livedrop.redis.key-prefix} + {@code gateway:}) in front of the
 * keys it names ({@code request_rate_limiter.{<policy>.<caller>}.tokens} and {@code .timestamp}). The
 * library has no setting for a prefix, and every key a LiveDrop service writes starts with its prefix
 * (one namespace per service and per test JVM, deleted with it). The {@code {...}} hash tag is kept
 * whole, so both keys of a bucket stay in one cluster slot.
 */
public class KeyPrefixedRedisTemplate extends ReactiveStringRedisTemplate {

    private final String keyPrefix;

    public KeyPrefixedRedisTemplate(ReactiveRedisConnectionFactory connectionFactory, String keyPrefix) {
        super(connectionFactory);
        this.keyPrefix = keyPrefix;
    }

    @Override
    public <T> Flux<T> execute(RedisScript<T> script, List<String> keys, List<?> args) {
        return super.execute(script, keys.stream().map(keyPrefix::concat).toList(), args);
    }
}

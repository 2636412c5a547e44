package io.livedrop.gateway.ratelimit.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Takes one token from a bucket in Redis ({@code scripts/token_bucket.lua}, one atomic call). */
@Component
public class RedisTokenBucket {

    /**
     * Read once into a string: a script built from a resource asks the resource for its last-modified
     * time on every call (a failing file lookup inside the jar, per request).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<Long>> SCRIPT = (RedisScript) RedisScript.of(scriptText(), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final String keyPrefix;

    public RedisTokenBucket(
            ReactiveStringRedisTemplate redis, @Value("${livedrop.redis.key-prefix}") String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix + "gateway:rate-limit:";
    }

    /**
     * @param bucket the caller's bucket within a policy, e.g. {@code orders:user:42}
     */
    public Mono<Verdict> take(String bucket, RateLimitProperties.Limit limit) {
        List<String> args =
                List.of(Double.toString(limit.replenishRate()), Integer.toString(limit.burstCapacity()), "1");
        return redis.execute(SCRIPT, List.of(keyPrefix + bucket), args)
                .reduce(new ArrayList<Long>(), (all, part) -> {
                    all.addAll(part);
                    return all;
                })
                .map(result -> new Verdict(result.get(0) == 1L, result.get(1), result.get(2)));
    }

    /**
     * @param allowed whether the request may pass
     * @param remaining whole tokens left in the bucket
     * @param waitMillis when refused: how long until a token is available
     */
    private static String scriptText() {
        try (var in = new ClassPathResource("scripts/token_bucket.lua").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("scripts/token_bucket.lua is missing from the gateway's jar", e);
        }
    }

    public record Verdict(boolean allowed, long remaining, long waitMillis) {}
}

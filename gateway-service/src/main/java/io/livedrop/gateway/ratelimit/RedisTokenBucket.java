package io.livedrop.gateway.ratelimit;

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
class RedisTokenBucket {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<Long>> SCRIPT =
            (RedisScript) RedisScript.of(new ClassPathResource("scripts/token_bucket.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final String keyPrefix;

    RedisTokenBucket(ReactiveStringRedisTemplate redis, @Value("${livedrop.redis.key-prefix}") String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix + "gateway:rate-limit:";
    }

    /**
     * @param bucket the caller's bucket within a policy, e.g. {@code orders:user:42}
     */
    Mono<Verdict> take(String bucket, RateLimitProperties.Limit limit) {
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
    record Verdict(boolean allowed, long remaining, long waitMillis) {}
}

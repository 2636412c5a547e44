package io.livedrop.gateway.ratelimit.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.gateway.GatewayIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;

/**
 * The bucket is one atomic script in Redis: however many requests race for it, no more tokens are
 * handed out than it holds. (All gateway instances share it the same way.)
 */
class TokenBucketConcurrencyTests extends GatewayIntegrationTest {

    /** A refill so slow that it cannot add a whole token while a test runs. */
    private static final RateLimitProperties.Limit FIVE_THEN_NEARLY_NOTHING = new RateLimitProperties.Limit(0.001, 5);

    @Autowired
    RedisTokenBucket buckets;

    @RepeatedTest(3)
    void concurrentRequestsNeverTakeMoreTokensThanTheBucketHolds() {
        String bucket = "test:user:" + UUID.randomUUID();

        List<RedisTokenBucket.Verdict> verdicts = Flux.range(0, 60)
                .flatMap(i -> buckets.take(bucket, FIVE_THEN_NEARLY_NOTHING), 60)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(verdicts).hasSize(60);
        assertThat(verdicts).filteredOn(RedisTokenBucket.Verdict::allowed).hasSize(5);
        assertThat(verdicts).filteredOn(verdict -> !verdict.allowed()).allSatisfy(refused -> {
            assertThat(refused.remaining()).isZero();
            assertThat(refused.waitMillis()).isPositive();
        });
    }

    @Test
    void refusedRequestsTakeNothingAndTheWaitIsUntilTheNextWholeToken() {
        String bucket = "test:user:" + UUID.randomUUID();
        var oneEveryTwoSeconds = new RateLimitProperties.Limit(0.5, 1);

        assertThat(take(bucket, oneEveryTwoSeconds).allowed()).isTrue();
        RedisTokenBucket.Verdict refused = take(bucket, oneEveryTwoSeconds);
        RedisTokenBucket.Verdict refusedAgain = take(bucket, oneEveryTwoSeconds);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.waitMillis()).isBetween(1L, 2000L);
        // a refusal did not consume anything: the wait only shrinks
        assertThat(refusedAgain.waitMillis()).isLessThanOrEqualTo(refused.waitMillis());
    }

    private RedisTokenBucket.Verdict take(String bucket, RateLimitProperties.Limit limit) {
        return buckets.take(bucket, limit).block(Duration.ofSeconds(10));
    }
}

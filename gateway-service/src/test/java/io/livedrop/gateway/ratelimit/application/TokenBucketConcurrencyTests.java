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
    RateLimitService buckets;

    @RepeatedTest(3)
    void concurrentRequestsNeverTakeMoreTokensThanTheBucketHolds() {
        String caller = "user:" + UUID.randomUUID();

        List<RateLimitService.Verdict> verdicts = Flux.range(0, 60)
                .flatMap(i -> buckets.take("test-five-then-nearly-nothing", FIVE_THEN_NEARLY_NOTHING, caller), 60)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(verdicts).hasSize(60);
        assertThat(verdicts).filteredOn(RateLimitService.Verdict::allowed).hasSize(5);
        assertThat(verdicts).filteredOn(verdict -> !verdict.allowed()).allSatisfy(refused -> {
            assertThat(refused.remaining()).isZero();
            assertThat(refused.waitMillis()).isPositive();
        });
    }

    @Test
    void refusedRequestsTakeNothingAndTheWaitIsUntilTheNextWholeToken() {
        String caller = "user:" + UUID.randomUUID();
        var oneEveryTwoSeconds = new RateLimitProperties.Limit(0.5, 1);

        assertThat(take(caller, oneEveryTwoSeconds).allowed()).isTrue();
        RateLimitService.Verdict refused = take(caller, oneEveryTwoSeconds);
        RateLimitService.Verdict refusedAgain = take(caller, oneEveryTwoSeconds);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.waitMillis()).isBetween(1L, 2000L);
        // a refusal did not consume anything: the wait only shrinks
        assertThat(refusedAgain.waitMillis()).isLessThanOrEqualTo(refused.waitMillis());
    }

    private RateLimitService.Verdict take(String caller, RateLimitProperties.Limit limit) {
        return buckets.take("test-one-every-two-seconds", limit, caller).block(Duration.ofSeconds(10));
    }
}

package io.livedrop.common.overload;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.livedrop.common.error.ServletProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class ConcurrencyLimitFilterTests {

    private final Counter shed = new SimpleMeterRegistry().counter("shed");
    private final ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(
            SimpleLimiter.newBuilder().limit(FixedLimit.of(1)).build(),
            Set.of("POST /api/orders"),
            new ServletProblemWriter(JsonMapper.builder().build()),
            shed,
            1);

    @Test
    void aRequestBeyondTheLimitIsAnsweredAtOnceWith503AndRetryAfter() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> run((req, res) -> {
            inside.countDown();
            await(leave);
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse second = run((req, res) -> {});

        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getHeader("Retry-After")).isEqualTo("1");
        assertThat(second.getContentAsString()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
        assertThat(first)
                .as("answered while the permit is still held: it did not wait for it")
                .isNotDone();
        assertThat(shed.count()).isEqualTo(1);

        leave.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(run((req, res) -> {}).getStatus()).isEqualTo(200);
    }

    @Test
    void otherEndpointsAreNeverShed() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders");
        assertThat(filter.shouldNotFilter(request)).isTrue();
    }

    private MockHttpServletResponse run(jakarta.servlet.FilterChain chain) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(new MockHttpServletRequest("POST", "/api/orders"), response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

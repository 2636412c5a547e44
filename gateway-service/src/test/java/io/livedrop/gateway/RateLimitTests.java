package io.livedrop.gateway;

import static io.livedrop.gateway.StubUpstreams.STANDARD_BURST;
import static io.livedrop.gateway.StubUpstreams.STRICT_BURST;
import static io.livedrop.gateway.StubUpstreams.STRICT_RATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Redis token buckets: per user or per client IP, stricter for {@code POST /api/orders} and {@code
 * /api/auth/**}, 429 problem+json with the rate-limit headers, and recovery once tokens are back. Each
 * test uses its own users and client IPs, so the buckets start full.
 */
class RateLimitTests extends GatewayIntegrationTest {

    @Test
    void orderBucketTripsWithHeadersAndRecoversAfterReplenishment() {
        String token = tokens.userToken(UUID.randomUUID().toString());
        Supplier<GatewayApi.Reply> placeOrder =
                () -> gateway.post("/api/orders").bearer(token).send();
        double rejectedBefore = rateLimited("orders");

        GatewayApi.Reply first = placeOrder.get();
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(STRICT_BURST - 1));
        assertThat(first.header("X-RateLimit-Replenish-Rate")).isEqualTo(Integer.toString(STRICT_RATE));
        assertThat(first.header("X-RateLimit-Burst-Capacity")).isEqualTo(Integer.toString(STRICT_BURST));

        GatewayApi.Reply refused = firstRefusal(placeOrder, STRICT_BURST - 1, STRICT_BURST + 5);
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("X-RateLimit-Replenish-Rate")).isEqualTo(Integer.toString(STRICT_RATE));
        assertThat(refused.header("X-RateLimit-Burst-Capacity")).isEqualTo(Integer.toString(STRICT_BURST));
        assertThat(refused.header("X-Request-Id")).isNotBlank();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        // one token at one per second is at most a second away
        assertThat(retryAfter).isEqualTo(1);
        assertThat(rateLimited("orders")).isGreaterThan(rejectedBefore);

        sleepSeconds(retryAfter);

        assertThat(placeOrder.get().status()).isEqualTo(200);
    }

    @Test
    void standardRequestsOfTheSameUserUseAnotherBucketThanOrders() {
        String token = tokens.userToken(UUID.randomUUID().toString());
        firstRefusal(() -> gateway.post("/api/orders").bearer(token).send());

        GatewayApi.Reply browse = gateway.get("/api/orders").bearer(token).send();

        assertThat(browse.status()).isEqualTo(200);
        assertThat(browse.header("X-RateLimit-Burst-Capacity")).isEqualTo(Integer.toString(STANDARD_BURST));
        assertThat(Long.parseLong(browse.header("X-RateLimit-Remaining"))).isEqualTo(STANDARD_BURST - 1);
    }

    @Test
    void usersHaveSeparateBuckets() {
        String alice = tokens.userToken(UUID.randomUUID().toString());
        String bob = tokens.userToken(UUID.randomUUID().toString());
        String sharedIp = GatewayApi.randomClientIp();
        firstRefusal(
                () -> gateway.post("/api/orders").bearer(alice).from(sharedIp).send());

        GatewayApi.Reply bobsOrder =
                gateway.post("/api/orders").bearer(bob).from(sharedIp).send();

        assertThat(bobsOrder.status()).isEqualTo(200);
        assertThat(bobsOrder.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(STRICT_BURST - 1));
    }

    @Test
    void anonymousCallersAreLimitedPerClientIpAndSignedInUsersPerUser() {
        String ip = GatewayApi.randomClientIp();
        GatewayApi.Reply refused =
                firstRefusal(() -> gateway.post("/api/auth/login").from(ip).send());
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(rateLimited("auth")).isPositive();

        // another client IP has its own bucket
        assertThat(gateway.post("/api/auth/login")
                        .from(GatewayApi.randomClientIp())
                        .send()
                        .status())
                .isEqualTo(200);
        // elsewhere, a signed-in user behind the same IP is counted as that user, not as the IP
        assertThat(gateway.post("/api/orders")
                        .from(ip)
                        .bearer(tokens.userToken(UUID.randomUUID().toString()))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    /**
     * Item 4 of issue 15: with the auth bucket keyed by the token's user, one IP with a stream of
     * fresh accounts' tokens had unlimited sign-in attempts.
     */
    @Test
    void authBucketIsPerClientIpEvenWhenEveryRequestCarriesAnotherUsersToken() {
        String ip = GatewayApi.randomClientIp();

        GatewayApi.Reply refused = firstRefusal(() -> gateway.post("/api/auth/login")
                .from(ip)
                .bearer(tokens.userToken(UUID.randomUUID().toString()))
                .send());

        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        // every auth endpoint shares the IP's bucket, signed in or not
        assertThat(gateway.post("/api/auth/logout")
                        .from(ip)
                        .bearer(tokens.userToken(UUID.randomUUID().toString()))
                        .send()
                        .status())
                .isEqualTo(429);
        assertThat(gateway.post("/api/auth/refresh").from(ip).send().status()).isEqualTo(429);
    }

    @Test
    void forwardedForIsReadRightToLeftUpToTheFirstUntrustedHop() {
        String client = GatewayApi.randomClientIp();
        firstRefusal(() -> gateway.post("/api/auth/register").from(client).send());

        // the entry the client itself wrote (left of its own address) changes nothing
        GatewayApi.Reply spoofed = gateway.post("/api/auth/register")
                .from(GatewayApi.randomClientIp() + ", " + client)
                .send();

        assertThat(spoofed.status()).isEqualTo(429);
    }

    @Test
    void percentEncodedLoginPathSharesTheAuthBucket() {
        String ip = GatewayApi.randomClientIp();
        firstRefusal(() -> gateway.post("/api/auth/login").from(ip).send());

        // routed to auth-service as /api/auth/login: the same (empty) bucket, not the standard one
        GatewayApi.Reply encoded = gateway.post("/api/%61uth/login").from(ip).send();

        assertThat(encoded.status()).as(encoded.toString()).isEqualTo(429);
        assertThat(encoded.header("X-RateLimit-Burst-Capacity")).isEqualTo(Integer.toString(STRICT_BURST));
    }

    @Test
    void percentEncodedOrderPathSharesTheOrdersBucket() {
        String token = tokens.userToken(UUID.randomUUID().toString());
        firstRefusal(() -> gateway.post("/api/orders").bearer(token).send());

        GatewayApi.Reply encoded = gateway.post("/api/%6Frders").bearer(token).send();

        assertThat(encoded.status()).as(encoded.toString()).isEqualTo(429);
        assertThat(encoded.header("X-RateLimit-Burst-Capacity")).isEqualTo(Integer.toString(STRICT_BURST));
    }

    /**
     * However the path is spelled, a request that reaches auth-service's login or order-service's
     * order placement is charged to the strict bucket; the spellings the router does not take the same
     * way never get through (400 from the firewall, 404 unrouted).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/auth/login",
                "/api/%61uth/login",
                "/api/%61%75%74%68/login",
                "/api/auth/%6Cogin",
                "/api/auth/login/",
                "/api//auth/login",
                "/api/auth//login",
                "/api/./auth/login",
                "/api/x/../auth/login",
                "/api/AUTH/login",
                "/API/auth/login",
                "/api/auth;x=1/login",
                "/api/%2561uth/login",
                "/api%2Fauth/login",
                "/api/orders",
                "/api/%6Frders",
                "/api/%6frders/",
                "/api/orders/",
                "/api//orders",
                "/api/./orders",
                "/api/Orders",
                "/api/orders;x=1",
                "/api/orders%2F",
            })
    void everySpellingThatIsRoutedToAStrictEndpointTakesFromTheStrictBucket(String path) {
        GatewayApi.Reply reply = gateway.post(path)
                .bearer(tokens.userToken(UUID.randomUUID().toString()))
                .send();

        if (reply.service() == null) {
            assertThat(reply.status()).as(reply.toString()).isIn(400, 404);
        } else {
            assertThat(reply.service()).isIn("auth-service", "order-service");
            assertThat(reply.header("X-RateLimit-Burst-Capacity"))
                    .as(path + " → " + reply.service())
                    .isEqualTo(Integer.toString(STRICT_BURST));
        }
    }

    @Test
    void allowedResponsesCarryTheRateLimitHeaders() {
        GatewayApi.Reply reply = gateway.get("/api/drops").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(STANDARD_BURST - 1));
        assertThat(reply.header("X-RateLimit-Replenish-Rate")).isEqualTo(Integer.toString(STANDARD_BURST / 2));
        assertThat(reply.header("X-RateLimit-Burst-Capacity")).isEqualTo(Integer.toString(STANDARD_BURST));
        assertThat(reply.header("Retry-After")).isNull();
    }

    /** Sends until a 429 from a fresh strict bucket. */
    private static GatewayApi.Reply firstRefusal(Supplier<GatewayApi.Reply> call) {
        return firstRefusal(call, STRICT_BURST, STRICT_BURST + 5);
    }

    /**
     * Sends until a 429: at least {@code tokensLeft} requests pass first, a few more may (the bucket
     * gains a token per second while we go).
     */
    private static GatewayApi.Reply firstRefusal(Supplier<GatewayApi.Reply> call, int tokensLeft, int atMost) {
        for (int i = 0; i < atMost; i++) {
            GatewayApi.Reply reply = call.get();
            if (reply.status() == 429) {
                assertThat(i).as("requests allowed before the first 429").isGreaterThanOrEqualTo(tokensLeft);
                return reply;
            }
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
        throw new AssertionError("no 429 after " + atMost + " requests");
    }

    private double rateLimited(String policy) {
        return meters.find("livedrop.gateway.ratelimited").tag("policy", policy).counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private static void sleepSeconds(long seconds) {
        try {
            Thread.sleep(seconds * 1000 + 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.livedrop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.test.TestJwtIssuer;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway's edge cache answers anonymous public reads from memory, and never stores or serves an
 * answer that is private or was asked for with credentials.
 */
class PublicResponseCacheTests extends GatewayIntegrationTest {

    private static final String PUBLIC = "public, max-age=5";

    @Test
    void anAnonymousPublicReadIsAnsweredFromTheGatewayWithItsEtag() {
        String path = "/api/drops/" + UUID.randomUUID();
        int before = StubUpstreams.CATALOG.hits();

        var first = get(path)
                .header(StubService.CACHE_CONTROL, PUBLIC)
                .header(StubService.ETAG, "\"v1\"")
                .send();
        var second = get(path).send();
        var revalidated = get(path).header("If-None-Match", "\"v1\"").send();

        assertThat(StubUpstreams.CATALOG.hits() - before).isEqualTo(1);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.response().body()).isEqualTo(first.response().body());
        assertThat(second.response().headers().firstValue("Cache-Control")).hasValue(PUBLIC);
        assertThat(second.response().headers().firstValue("Age")).isPresent();
        assertThat(second.response().headers().allValues("X-Request-Id")).hasSize(1);
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.response().body()).isEmpty();
    }

    @Test
    void aRevalidationThatMissesTheCacheFetchesTheBodyAndStillAnswers304() {
        String path = "/api/creators/" + UUID.randomUUID();
        int before = StubUpstreams.CATALOG.hits();

        var revalidated = get(path)
                .header(StubService.CACHE_CONTROL, PUBLIC)
                .header(StubService.ETAG, "\"v7\"")
                .header("If-None-Match", "\"v7\"")
                .send();
        var full = get(path).send();

        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.response().body()).isEmpty();
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.response().body()).isNotEmpty();
        assertThat(StubUpstreams.CATALOG.hits() - before).isEqualTo(1);
    }

    @Test
    void aPrivateAnswerIsNeverServedFromTheCache() {
        String path = "/api/drops/" + UUID.randomUUID();
        int before = StubUpstreams.CATALOG.hits();

        get(path).header(StubService.CACHE_CONTROL, "private, no-store").send();
        get(path)
                .header(StubService.CACHE_CONTROL, "public, no-store, max-age=5")
                .send();
        get(path).send();

        assertThat(StubUpstreams.CATALOG.hits() - before).isEqualTo(3);
    }

    @Test
    void aRequestWithCredentialsIsNeitherAnsweredFromNorStoredInTheCache() {
        String path = "/api/products/" + UUID.randomUUID();
        String token = TestJwtIssuer.shared().userToken(UUID.randomUUID().toString());
        int before = StubUpstreams.CATALOG.hits();

        var signedIn = get(path)
                .bearer(token)
                .header(StubService.CACHE_CONTROL, PUBLIC)
                .send();
        var anonymousAfter = get(path).send(); // nothing was stored for the signed-in request
        get(path).header(StubService.CACHE_CONTROL, PUBLIC).send(); // stored now
        var signedInAgain = get(path).bearer(token).send();
        var withCookie = get(path).header("Cookie", "session=x").send();
        get(path).send(); // anonymous: from the cache

        assertThat(signedIn.text("authorization")).isEqualTo("Bearer " + token);
        assertThat(anonymousAfter.text("authorization")).isNull();
        assertThat(signedInAgain.text("authorization")).isEqualTo("Bearer " + token);
        assertThat(withCookie.status()).isEqualTo(200);
        assertThat(StubUpstreams.CATALOG.hits() - before).isEqualTo(5);
    }

    @Test
    void onlyAllowListedPublicPathsAreCached() {
        String token = TestJwtIssuer.shared().userToken(UUID.randomUUID().toString());
        for (String path : new String[] {
            "/api/drops?status=live&followed=true", "/api/drops/" + UUID.randomUUID() + "/queue/me", "/api/users/u1"
        }) {
            int before = hitsOf(path);
            var call = path.startsWith("/api/drops/") || path.contains("followed")
                    ? get(path).bearer(token)
                    : get(path);
            call.header(StubService.CACHE_CONTROL, PUBLIC).send();
            (path.startsWith("/api/drops/") || path.contains("followed")
                            ? get(path).bearer(token)
                            : get(path))
                    .send();
            assertThat(hitsOf(path) - before).as(path).isEqualTo(2);
        }
    }

    private static int hitsOf(String path) {
        return path.startsWith("/api/users") ? StubUpstreams.AUTH.hits() : StubUpstreams.CATALOG.hits();
    }

    private GatewayApi.Call get(String path) {
        return gateway.new Call("GET", path);
    }
}

package io.livedrop.catalog.browse.web;

import io.livedrop.catalog.browse.domain.CachedValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * HTTP caching of the public, caller-independent reads (API.md "HTTP caching"): {@code Cache-Control:
 * public, max-age=N} with N at most {@code CATALOG_HTTP_MAX_AGE} (5 s) and never past the moment the
 * body stops being true (a drop's next status change), and a strong {@code ETag}. Spring MVC answers a
 * matching {@code If-None-Match} with 304 and no body. Everything else a service answers is {@code
 * private, no-store} (common-lib's security headers).
 */
@Component
public class PublicCaching {

    private final Clock clock;
    private final Duration maxAge;

    PublicCaching(Clock clock, @Value("${livedrop.catalog.http-max-age:5s}") Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** A cached body with its validators. */
    public ResponseEntity<byte[]> ok(CachedValue value) {
        long untilInvalid =
                value.validUntilMillis() == Long.MAX_VALUE ? Long.MAX_VALUE : value.validUntilMillis() - clock.millis();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(publicFor(untilInvalid))
                .eTag(etag(value.json()))
                .body(value.json());
    }

    /** Headers for a public list whose content stops being true at {@code validUntil} (null: never). */
    public CacheControl publicUntil(Instant validUntil) {
        return publicFor(validUntil == null ? Long.MAX_VALUE : validUntil.toEpochMilli() - clock.millis());
    }

    /** Headers for a public list that only an edit changes (no status that turns with the clock). */
    public CacheControl publicRead() {
        return publicFor(Long.MAX_VALUE);
    }

    private CacheControl publicFor(long untilInvalidMillis) {
        long seconds = Math.max(0, Math.min(maxAge.toSeconds(), untilInvalidMillis / 1000));
        return CacheControl.maxAge(seconds, TimeUnit.SECONDS).cachePublic();
    }

    private static String etag(byte[] body) {
        return "\"" + DigestUtils.md5DigestAsHex(body) + "\"";
    }
}
